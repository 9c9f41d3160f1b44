using AltseasonLive.Grains.Assets;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Correlation;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Market;

namespace AltseasonLive.Grains.Tests;

/// <summary>State stored before the plausibility rules (1e308 prices, infinite caps) is repaired at load, not kept as a failure.</summary>
public sealed class StateRepairTests
{
    [Fact]
    public void A_poisoned_asset_state_loses_its_implausible_values_and_keeps_the_rest()
    {
        var state = new AssetState
        {
            LastPrice = 1.7976931348623157e308,
            MarketCap = double.PositiveInfinity,
            Supply = 120_700_000,
            HasBar = true,
            BarOpen = 3000,
            BarHigh = 1.7976931348623157e308,
            BarLow = 2900,
            RecentCloses = [3000, 1e308, 3100],
        };

        var repaired = AssetStateRepair.Repair(state, new PlausibilityOptions().Coin);

        Assert.NotNull(repaired);
        Assert.Null(state.LastPrice);
        Assert.Null(state.MarketCap);
        Assert.Equal(120_700_000, state.Supply);
        Assert.False(state.HasBar);
        Assert.Equal([3000, 3100], state.RecentCloses);
        Assert.Null(AssetStateRepair.Repair(state, new PlausibilityOptions().Coin));
    }

    [Fact]
    public void A_poisoned_market_state_drops_infinite_caps_and_series_and_recomputes_the_composites()
    {
        var state = new MarketState();
        state.Caps["BTC"] = 1.2e12;
        state.Caps["ETH"] = double.PositiveInfinity;
        state.Series["TOTAL"] = new SeriesBar { Value = double.PositiveInfinity };
        state.Series["BTC.D"] = new SeriesBar { Value = 57 };

        var repaired = MarketStateRepair.Repair(state, new PlausibilityOptions(), s => s switch
        {
            "TOTAL" => AssetClass.Composite,
            "BTC.D" => AssetClass.Dominance,
            _ => AssetClass.Coin,
        });

        Assert.NotNull(repaired);
        Assert.Equal(["BTC"], state.Caps.Keys);
        Assert.Equal(["BTC.D"], state.Series.Keys);
        Assert.True(state.CompositesDirty);
    }

    [Fact]
    public void A_poisoned_correlation_group_drops_the_bars_and_pending_closes_with_implausible_prices()
    {
        var state = new CorrelationGroupState
        {
            HasBar = true,
            BarIndex = 3,
            PendingAnchor = double.PositiveInfinity,
            PendingPartners = new() { ["SOL"] = 140, ["ETH"] = 1.7976931348623157e308 },
            Bars =
            [
                new GroupBar(0, 2500, new() { ["SOL"] = 130, ["ETH"] = 3000 }),
                new GroupBar(1, 1e308, new() { ["SOL"] = 131, ["ETH"] = 3010 }),
                new GroupBar(2, 2510, new() { ["SOL"] = double.NaN, ["ETH"] = 3020 }),
                new GroupBar(3, 2520, new() { ["SOL"] = 133, ["ETH"] = 3030 }),
            ],
        };

        var repaired = CorrelationStateRepair.Repair(state, "RUT", new PlausibilityOptions(), s => s == "RUT" ? AssetClass.EquityIndex : AssetClass.Coin);

        Assert.NotNull(repaired);
        Assert.Equal([0L, 3L], state.Bars.Select(b => b.BarIndex));
        Assert.Null(state.PendingAnchor);
        Assert.Equal(["SOL"], state.PendingPartners.Keys);
        Assert.Null(CorrelationStateRepair.Repair(state, "RUT", new PlausibilityOptions(), _ => AssetClass.Coin));
    }

    [Fact]
    public void A_poisoned_pair_window_forgets_values_no_correlation_can_take_and_keeps_the_rest()
    {
        var state = new PairWindowState
        {
            BandInputs = [0.4, double.NaN, 0.5, 7],
            History = [new HistoryPoint(1, 0.3), new HistoryPoint(2, double.PositiveInfinity), new HistoryPoint(3, 0.2, -3, 0.9)],
            Last = new CorrelationValue(3, 90, 90, 0.2, double.PositiveInfinity, 0.1, 1, 0.2, 0.1),
        };

        var repaired = PairWindowStateRepair.Repair(state);

        Assert.NotNull(repaired);
        Assert.Equal([0.4, 0.5], state.BandInputs);
        Assert.Equal([1L], state.History.Select(p => p.TimeMs));
        Assert.Null(state.Last);
        Assert.Null(PairWindowStateRepair.Repair(state));
    }
}
