using AltseasonLive.Grains.Assets;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Market;

namespace AltseasonLive.Grains.Tests;

/// <summary>The fat-finger rules as plain maths: class bounds, relative moves, composite ordering and finite aggregates.</summary>
public sealed class PlausibilityTests
{
    private static readonly PlausibilityOptions Defaults = new();

    private static TickRejectReason Coin(double price, double? last = null, double? cap = null, double? supply = null, double? lastCap = null, double? lastSupply = null) =>
        new TickPlausibility(Defaults.Coin).Check(new Tick("X", 1, price, cap, supply), last, lastCap, lastSupply, configuredSupply: 1e9);

    [Theory]
    [InlineData(1.7976931348623157e308)]
    [InlineData(5e-324)]
    [InlineData(1e-320)]
    [InlineData(1e12)]
    public void A_first_price_outside_the_class_bounds_is_implausible(double price) =>
        Assert.Equal(TickRejectReason.ImplausiblePrice, new TickPlausibility(Defaults.Coin).Check(new Tick("X", 1, price), null, null, null, null));

    [Theory]
    [InlineData(100, 100_000)]
    [InlineData(100, 0.1)]
    public void A_thousandfold_move_from_the_last_accepted_price_is_implausible(double last, double price) =>
        Assert.Equal(TickRejectReason.ImplausiblePrice, Coin(price, last, cap: 1e9));

    [Theory]
    [InlineData(1.4284686864960564e-10, 5.053099748283053e-09)] // SHIB, 2021-01-31: the bundled history's largest daily move
    [InlineData(7950, 4970)] // BTC, 2020-03-12
    [InlineData(80, 0.0001)] // LUNA, 2022-05-09..13 over a few days of ticks: each step is within the factor
    public void Real_moves_are_plausible(double last, double price)
    {
        var now = last;
        while (Math.Abs(Math.Log(price / now)) > Math.Log(Defaults.Coin.MaxMoveFactor))
        {
            var step = price < now ? now / (Defaults.Coin.MaxMoveFactor / 2) : now * (Defaults.Coin.MaxMoveFactor / 2);
            Assert.Equal(TickRejectReason.None, Coin(step, now));
            now = step;
        }

        Assert.Equal(TickRejectReason.None, Coin(price, now));
    }

    [Fact]
    public void Huge_market_caps_and_supplies_are_implausible()
    {
        Assert.Equal(TickRejectReason.ImplausibleMarketCap, Coin(1, cap: 1e308));
        Assert.Equal(TickRejectReason.ImplausibleSupply, Coin(1, supply: 1e308));
        Assert.Equal(TickRejectReason.ImplausibleMarketCap, Coin(1e7, supply: 1e17));
        Assert.Equal(TickRejectReason.ImplausibleMarketCap, Coin(1, cap: 1e13, lastCap: 1e9));
        Assert.Equal(TickRejectReason.ImplausibleSupply, Coin(1, supply: 1e13, lastSupply: 1e9));
    }

    [Fact]
    public void Dominance_above_100_percent_is_implausible() =>
        Assert.Equal(TickRejectReason.ImplausiblePrice, new TickPlausibility(Defaults.Dominance).Check(new Tick("BTC.D", 1, 100.5), null, null, null, null));

    [Fact]
    public void Supplied_composites_must_keep_total_above_total2_above_total3()
    {
        var supplied = new Dictionary<string, double> { ["TOTAL2"] = 583e9 };
        Assert.Equal(TickRejectReason.InconsistentComposite, CompositeConsistency.Check("TOTAL3", 678e9, supplied, 0.02));
        Assert.Equal(TickRejectReason.None, CompositeConsistency.Check("TOTAL3", 400e9, supplied, 0.02));
        Assert.Equal(TickRejectReason.InconsistentComposite, CompositeConsistency.Check("TOTAL", 500e9, supplied, 0.02));
        Assert.Equal(TickRejectReason.InconsistentComposite, CompositeConsistency.Check("ETH.D", 45, new Dictionary<string, double> { ["BTC.D"] = 60 }, 0.02));
    }

    [Fact]
    public void Computed_composites_stay_ordered_and_finite_beside_a_larger_supplied_total3()
    {
        var caps = new Dictionary<string, double> { ["BTC"] = 1.2e12, ["ETH"] = 3e11, ["SOL"] = 2.83e11 };
        var result = CompositeSeries.Compute(caps, _ => AssetClass.Coin, new Dictionary<string, double> { ["TOTAL3"] = 678e9 });

        Assert.True(result["TOTAL"] >= result["TOTAL2"] && result["TOTAL2"] >= result["TOTAL3"], string.Join(", ", result));
        Assert.InRange(result["BTC.D"] + result["ETH.D"], 0, 100);
    }

    [Fact]
    public void Caps_that_overflow_a_double_produce_no_composite()
    {
        var caps = new Dictionary<string, double> { ["BTC"] = double.MaxValue, ["ETH"] = double.MaxValue };
        Assert.Empty(CompositeSeries.Compute(caps, _ => AssetClass.Coin));
    }

    [Fact]
    public void Invalid_bands_stop_the_start_naming_their_key()
    {
        var options = new PlausibilityOptions();
        options.Coin.MaxMoveFactor = 0.5;
        options.Dominance.MaxPrice = double.PositiveInfinity;
        var result = new PlausibilityOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Plausibility:Coin:MaxMoveFactor", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Plausibility:Dominance:MinPrice", result.FailureMessage, StringComparison.Ordinal);
    }
}
