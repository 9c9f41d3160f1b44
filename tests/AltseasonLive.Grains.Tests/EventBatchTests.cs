using System.Collections.Immutable;
using AltseasonLive.Grains.Events;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EventBatchTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Events_of_a_batch_are_held_until_the_seal_and_numbered_by_time_kind_and_text_whatever_the_arrival_order()
    {
        var log = Client.GetGrain<IEventLogGrain>(0);
        var before = await Scenario.LastSequence(Client);
        MarketEvent early = new AllTimeHigh(0, Scenario.Day(950), "ORD.B", 3, 2, Scenario.Day(940));
        MarketEvent sameBarA = new AllTimeHigh(0, Scenario.Day(951), "ORD.A", 3, 2, Scenario.Day(940));
        MarketEvent sameBarB = new AllTimeHigh(0, Scenario.Day(951), "ORD.B", 4, 3, Scenario.Day(950));

        RequestContext.Set(EventBatch.ContextKey, true);
        ImmutableArray<MarketEvent> held;
        try
        {
            held = [.. await log.Append([sameBarB]), .. await log.Append([sameBarA, early])];
        }
        finally
        {
            RequestContext.Remove(EventBatch.ContextKey);
        }

        var visibleBeforeSeal = await Scenario.LastSequence(Client);
        var sealedEvents = await log.Seal();

        Assert.All(held, e => Assert.Equal(0, e.Sequence));
        Assert.Equal(before, visibleBeforeSeal);
        Assert.Equal(
            [$"{before + 1} {early.Describe()}", $"{before + 2} {sameBarA.Describe()}", $"{before + 3} {sameBarB.Describe()}"],
            sealedEvents.Select(e => $"{e.Sequence} {e.Describe()}"));
        Assert.Equal(sealedEvents.Select(e => e.ToString()), (await Scenario.EventsAfter(Client, before)).Select(e => e.ToString()));
        Assert.Empty(await log.Seal());
    }
}
