using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MarketEventTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task Btc_dominance_crossing_55_down_fires_once_despite_hovering_at_the_level()
    {
        var before = await Scenario.LastSequence(Client);
        double[] btcD = [56.5, 56.2, 55.9, 55.6, 55.3, 55.05, 54.9, 54.7, 54.5, 54.95, 55.05, 54.95, 55.08, 54.97, 54.9];

        await Scenario.Feed(Client, Scenario.Daily(new Dictionary<string, double[]> { ["BTC.D"] = btcD }, firstDay: 400));

        var crossed = Assert.IsType<DominanceLevelCrossed>(Assert.Single(await Scenario.EventsAfter(Client, before)));
        Assert.Equal(("BTC.D", 55.0, false, 54.7), (crossed.Symbol, crossed.Level, crossed.Upward, crossed.Value));
        Assert.Equal(Scenario.BarStart(400 + 7), crossed.TimeMs);
        Assert.Equal("BTC.D crossed below 55.00% (54.700%)", crossed.Describe());
        var market = await Client.GetGrain<IMarketGrain>(0).GetSnapshot();
        Assert.Equal(54.9, market.BtcDominance);
        Assert.Contains("BTC.D", market.SuppliedSeries);
    }

    [Fact]
    public async Task Usdt_dominance_touching_6_47_and_turning_down_is_a_rejection()
    {
        var before = await Scenario.LastSequence(Client);
        double[] usdtD = [6.10, 6.20, 6.30, 6.40, 6.46, 6.44, 6.35, 6.30, 6.20, 6.15, 6.12];

        await Scenario.Feed(Client, Scenario.Daily(new Dictionary<string, double[]> { ["USDT.D"] = usdtD }, firstDay: 420));

        var rejection = Assert.IsType<DominanceRejection>(Assert.Single(await Scenario.EventsAfter(Client, before)));
        Assert.Equal(("USDT.D", 6.47, 6.46, 6.35, true), (rejection.Symbol, rejection.Level, rejection.Extreme, rejection.Value, rejection.FromBelow));
        Assert.Equal(Scenario.BarStart(420 + 6), rejection.TimeMs);
        Assert.Contains("rejected at 6.47% (resistance)", rejection.Describe());
    }

    [Fact]
    public async Task Russell_breaking_out_to_a_new_all_time_high_fires_once()
    {
        var before = await Scenario.LastSequence(Client);
        var closes = new List<double>();
        closes.AddRange(Enumerable.Range(0, 25).Select(i => 100.0 + i));
        closes.AddRange(Enumerable.Range(0, 16).Select(i => 123.0 - (i * 0.4)));
        closes.AddRange([119, 121, 123, 122, 120, 126, 127, 126.5]);

        await Scenario.Feed(Client, Scenario.Daily(new Dictionary<string, double[]> { ["ATH.X"] = [.. closes] }, firstDay: 500));

        var high = Assert.IsType<AllTimeHigh>(Assert.Single(await Scenario.EventsAfter(Client, before)));
        Assert.Equal(("ATH.X", 126.0, 124.0), (high.Symbol, high.Price, high.PreviousHigh));
        Assert.Equal(Scenario.BarStart(500 + 24), high.PreviousHighTimeMs);
        Assert.Equal(Scenario.BarStart(500 + closes.IndexOf(126)), high.TimeMs);
    }

    [Fact]
    public async Task Nine_sessions_outperforming_the_benchmark_emit_from_the_fifth_on()
    {
        var before = await Scenario.LastSequence(Client);
        var a = new List<double> { 100 };
        var b = new List<double> { 100 };
        foreach (var (ra, rb) in Enumerable.Repeat((0.01, 0.005), 9).Append((-0.01, 0.0)).Append((0.02, 0.01)).Append((0.0, 0.0)))
        {
            a.Add(a[^1] * (1 + ra));
            b.Add(b[^1] * (1 + rb));
        }

        await Scenario.Feed(Client, Scenario.Daily(new Dictionary<string, double[]> { ["STK.A"] = [.. a], ["STK.B"] = [.. b] }, firstDay: 600));

        var streaks = (await Scenario.EventsAfter(Client, before)).Cast<OutperformanceStreak>().ToList();
        Assert.Equal([5, 6, 7, 8, 9], streaks.Select(s => s.Sessions));
        var nine = streaks[^1];
        Assert.Equal(Math.Pow(1.01, 9) - 1, nine.SymbolReturn, 1e-9);
        Assert.Equal(Math.Pow(1.005, 9) - 1, nine.BenchmarkReturn, 1e-9);
        Assert.StartsWith("STK.A outperformed STK.B for 9 consecutive sessions", nine.Describe());
        Assert.Equal(1, await Client.GetGrain<IOutperformanceGrain>("STK.A|STK.B").GetStreak());
    }

    [Fact]
    public async Task Bad_ticks_are_rejected_with_their_reason_and_good_ones_in_the_batch_accepted()
    {
        var day = Scenario.Day(700);
        var future = DateTimeOffset.UtcNow.AddDays(2).ToUnixTimeMilliseconds();
        ImmutableArray<Tick> batch =
        [
            new("VAL.A", day, 10),
            new("VAL.A", day + 1_000, double.NaN),
            new("VAL.A", day + 2_000, -1),
            new("NOPE", day, 10),
            new("VAL.A", future, 10),
            new("VAL.A", day - (3 * TestConfig.DayMs), 10),
            new("VAL.A", day + 3_000, 11, MarketCap: 0),
            new("VAL.A", 0, 10),
            new("VAL.A", day + 4_000, double.PositiveInfinity),
            new("VAL.A", day + 5_000, 12, MarketCap: 1.2e9),
        ];

        var result = await Client.GetGrain<ITickIngestGrain>(0).Ingest(batch);

        TickRejection[] expected =
            [
                new TickRejection(1, "VAL.A", TickRejectReason.NonFinitePrice),
                new TickRejection(2, "VAL.A", TickRejectReason.NonPositivePrice),
                new TickRejection(3, "NOPE", TickRejectReason.UnknownSymbol),
                new TickRejection(4, "VAL.A", TickRejectReason.TooFarInFuture),
                new TickRejection(5, "VAL.A", TickRejectReason.TooLate),
                new TickRejection(6, "VAL.A", TickRejectReason.InvalidMarketCap),
                new TickRejection(7, "VAL.A", TickRejectReason.InvalidTimestamp),
                new TickRejection(8, "VAL.A", TickRejectReason.NonFinitePrice),
            ];
        Assert.Equal(expected, result.Rejections.ToArray());
        Assert.Equal(2, result.Accepted);
        var asset = await Client.GetGrain<Interfaces.Assets.IAssetGrain>("VAL.A").GetSnapshot();
        Assert.Equal((12.0, 1.2e9, day + 5_000, 10.0, 12.0), (asset.LastPrice, asset.MarketCap, asset.LastTimeMs, asset.BarLow, asset.BarHigh));
    }
}
