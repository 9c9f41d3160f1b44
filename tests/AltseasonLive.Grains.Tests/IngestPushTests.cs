using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IngestPushTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Pushed_price_is_the_latest_accepted_tick_of_the_batch_not_the_last_one_nor_a_refused_one()
    {
        var day = Scenario.Day(801);
        var observer = new PriceObserver("VAL.A", since: day);
        var reference = fixture.Client.CreateObjectReference<IMarketObserver>(observer);
        var registry = fixture.Client.GetGrain<IObserverRegistryGrain>(0);
        await registry.Register(reference);
        try
        {
            var result = await fixture.Client.GetGrain<ITickIngestGrain>(0).Ingest(
            [
                new Tick("VAL.A", day + 10, 7),
                new Tick("VAL.A", day + 5, 6),
                new Tick("VAL.A", day + 20, double.NaN),
                new Tick("NOPE", day + 30, 1),
            ]);

            var price = await observer.First.Task.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal(2, result.Accepted);
            Assert.Equal([(2, TickRejectReason.NonFinitePrice), (3, TickRejectReason.UnknownSymbol)], result.Rejections.Select(r => (r.Index, r.Reason)));
            Assert.Equal(new SeriesUpdate(SeriesKind.Price, "VAL.A", day + 10, 7, BarClosed: false, "publisher"), price);
        }
        finally
        {
            await registry.Unregister(reference);
        }
    }

    private sealed class PriceObserver(string symbol, long since) : IMarketObserver
    {
        public TaskCompletionSource<SeriesUpdate> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnEvents(ImmutableArray<MarketEvent> events) => Task.CompletedTask;

        public Task OnSeries(ImmutableArray<SeriesUpdate> updates)
        {
            foreach (var update in updates.Where(u => u.Kind == SeriesKind.Price && u.Key == symbol && u.TimeMs >= since))
            {
                First.TrySetResult(update);
            }

            return Task.CompletedTask;
        }
    }
}
