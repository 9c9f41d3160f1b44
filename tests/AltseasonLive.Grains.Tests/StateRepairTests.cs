using AltseasonLive.Grains.Assets;
using AltseasonLive.Grains.Configuration;
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
}
