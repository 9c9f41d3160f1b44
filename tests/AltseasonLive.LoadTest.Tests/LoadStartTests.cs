using AltseasonLive.Grains.Assets;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Tests;

public sealed class LoadStartTests
{
    private static readonly IReadOnlyList<ServerAsset> Universe =
        [.. DefaultUniverse.Assets.Select(a => new ServerAsset(a.Symbol, a.Class.ToString(), a.Supply))];

    [Fact]
    public void Every_tick_of_a_model_over_the_default_universe_passes_the_servers_default_plausibility_rules()
    {
        var (start, publishable) = LoadStart.Choose(Universe, symbols: 200, seed: 42);
        Assert.Contains("SHIB", publishable);
        var stream = new TickStream(start, publishable, seed: 42, share: 0, shareCount: 1);
        var plausibility = new PlausibilityOptions();
        var assets = DefaultUniverse.Assets.ToDictionary(a => a.Symbol);
        var last = new Dictionary<string, double>();
        var ticks = new Tick[stream.Symbols.Count];
        var refused = new List<string>();

        // 20,000 model steps of 100 ms: what a soak at 100k ticks/s over 60 coins shows one publisher in about two minutes.
        for (var step = 0; step < 20_000; step++)
        {
            stream.Next(ticks, 1_800_000_000_000 + step);
            foreach (var tick in ticks)
            {
                var asset = assets[tick.Symbol];
                var check = new TickPlausibility(plausibility.For(asset.Class));
                var verdict = check.Check(tick, last.TryGetValue(tick.Symbol, out var p) ? p : null, null, null, asset.Supply);
                if (verdict != TickRejectReason.None)
                {
                    refused.Add($"{tick.Symbol} {tick.Price} {verdict}");
                }
                else
                {
                    last[tick.Symbol] = tick.Price;
                }
            }
        }

        Assert.True(refused.Count == 0, $"{refused.Count} refused, first: {string.Join("; ", refused.Take(5))}");
    }

    [Fact]
    public void A_coin_with_a_supply_starts_within_the_start_cap_range_and_one_without_starts_at_a_plain_price()
    {
        IReadOnlyList<ServerAsset> universe =
        [
            new("RUT", "EquityIndex", null), new("BTC", "Coin", 2e7), new("ETH", "Coin", 1.2e8),
            new("SHIB", "Coin", 5.89e14), new("NEW", "Coin", null),
        ];

        var (start, _) = LoadStart.Choose(universe, symbols: 10, seed: 1);

        var shib = start.Coins.Single(c => c.Symbol == "SHIB");
        Assert.InRange(shib.Price * 5.89e14, LoadStart.MinStartCap, LoadStart.MaxStartCap);
        Assert.InRange(start.Coins.Single(c => c.Symbol == "NEW").Price, 0.1, 200.1);
    }

    [Fact]
    public void A_universe_without_the_models_legs_is_refused_with_the_missing_symbol() =>
        Assert.Contains("RUT", Assert.Throws<InvalidOperationException>(() => LoadStart.Choose([new("BTC", "Coin", null), new("ETH", "Coin", null)], 10, 1)).Message);
}
