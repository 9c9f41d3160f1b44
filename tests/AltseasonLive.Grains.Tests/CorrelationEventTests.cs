using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CorrelationEventTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    /// <summary>Seed: 30- and 90-day RUT vs TOTAL3 slip while the long-term one stays near 0.75 (here windows 20/40/120).</summary>
    public static (double[] A, double[] B) BreakdownPaths() =>
        Scenario.Correlated(Scenario.Phases((220, 0.85), (30, 0.35), (70, 0.85)), seed: 3);

    [Fact]
    public async Task Short_windows_break_down_while_the_long_window_holds_then_recouple()
    {
        var before = await Scenario.LastSequence(Client);
        var (a, b) = BreakdownPaths();

        await Scenario.Feed(Client, Scenario.Daily(new Dictionary<string, double[]> { ["BD.A"] = a, ["BD.B"] = b }));

        var events = await Scenario.EventsAfter(Client, before);
        Assert.Equal(
            ["CorrelationBreakdown BD.A|BD.B|20|Returns", "CorrelationBreakdown BD.A|BD.B|40|Returns", "Recoupling BD.A|BD.B|20|Returns", "Recoupling BD.A|BD.B|40|Returns"],
            events.Select(Label).Order(StringComparer.Ordinal));
        foreach (var breakdown in events.OfType<CorrelationBreakdown>())
        {
            Assert.Equal(120, breakdown.LongWindow);
            Assert.InRange(breakdown.LongValue, 0.6, 0.9);
            Assert.True(breakdown.Value < breakdown.BandLower);
            Assert.True(breakdown.VolatilityA > 0 && breakdown.VolatilityB > 0);
            var recoupling = Assert.Single(events.OfType<Recoupling>(), r => r.Pair == breakdown.Pair);
            Assert.True(recoupling.Sequence > breakdown.Sequence);
            Assert.Equal(breakdown.TimeMs, recoupling.BrokeDownAtMs);
            Assert.True(recoupling.Value >= recoupling.BandLower);
        }

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => before + i), events.Select(e => e.Sequence));
        var snapshot = await Client.GetGrain<IPairWindowGrain>("BD.A|BD.B|20|Returns").GetSnapshot();
        Assert.Equal(CouplingState.Coupled, snapshot.State);
        Assert.NotNull(snapshot.BandLower);
        Assert.NotNull(snapshot.Live?.Correlation);
        var closedBars = a.Length - 1;
        Assert.Equal(closedBars - 20, snapshot.History.Length);
    }

    [Fact]
    public async Task Sign_flip_reports_the_first_time_since_the_last_negative_stretch()
    {
        var before = await Scenario.LastSequence(Client);
        var (a, b) = Scenario.Correlated(Scenario.Phases((40, -0.8), (50, 0.8), (40, -0.8)), seed: 11);

        await Scenario.Feed(Client, Scenario.Daily(new Dictionary<string, double[]> { ["SF.A"] = a, ["SF.B"] = b }));

        var flips = (await Scenario.EventsAfter(Client, before)).Cast<CorrelationSignFlip>().ToList();
        Assert.Equal(2, flips.Count);
        Assert.False(flips[0].Negative);
        Assert.Null(flips[0].PreviousTimeMs);
        Assert.Contains("first run above zero on record", flips[0].Describe());
        Assert.True(flips[1].Negative);
        var previous = Assert.IsType<long>(flips[1].PreviousTimeMs);
        Assert.True(previous < flips[0].TimeMs);
        Assert.Contains($"turned negative ({flips[1].Value:F2}), first run below zero since {DateTimeOffset.FromUnixTimeMilliseconds(previous):yyyy-MM-dd}", flips[1].Describe());
        Assert.All(flips, f => Assert.Equal(PairWindowKey.Parse("SF.A|SF.B|20|Returns"), f.Pair));
    }

    private static string Label(MarketEvent e) => e switch
    {
        CorrelationBreakdown x => $"{e.Kind} {x.Pair}",
        Recoupling x => $"{e.Kind} {x.Pair}",
        CorrelationSignFlip x => $"{e.Kind} {x.Pair} {(x.Negative ? "-" : "+")}",
        _ => e.Kind.ToString(),
    };
}
