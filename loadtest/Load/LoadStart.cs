using AltseasonLive.Feeds.Synthetic;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// The synthetic model's start for a server's universe: RUT, BTC, ETH and the first <c>symbols</c> coins. A coin with a
/// configured supply starts at a price that gives it a market cap between <see cref="MinStartCap"/> and
/// <see cref="MaxStartCap"/> (USD), so the server's plausibility bounds accept its ticks whatever its supply (SHIB has
/// 5.9e14 units: a $100 price would be a 5.9e16 cap, which the server refuses). Coins without a supply start between
/// $0.1 and $200.
/// </summary>
public static class LoadStart
{
    public const double MinStartCap = 1e8;

    public const double MaxStartCap = 1e11;

    /// <summary>The start and the symbols the publishers may send (the server refuses composites and dominances from feeds).</summary>
    public static (SyntheticStart Start, IReadOnlySet<string> Publishable) Choose(IReadOnlyList<ServerAsset> assets, int symbols, int seed)
    {
        var known = assets.Select(a => a.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var required in new[] { "RUT", "BTC", "ETH" })
        {
            if (!known.Contains(required))
            {
                throw new InvalidOperationException($"The server's universe has no {required}; the synthetic model needs RUT, BTC and ETH.");
            }
        }

        var coins = assets
            .Where(a => a.Class == "Coin" && a.Symbol is not ("BTC" or "ETH"))
            .Take(symbols)
            .ToList();
        var random = new Random(seed);
        var start = new SyntheticStart(
            2600,
            new SyntheticAsset("BTC", 90_000),
            new SyntheticAsset("ETH", 3_000),
            [.. coins.Select(c => new SyntheticAsset(c.Symbol, StartPrice(c.Supply, random)))],
            7.5e11,
            1.8e11);
        var publishable = new HashSet<string>(coins.Select(c => c.Symbol), StringComparer.Ordinal) { "RUT", "BTC", "ETH" };
        return (start, publishable);
    }

    private static double StartPrice(double? supply, Random random)
    {
        if (supply is not (> 0 and var units) || !double.IsFinite(units))
        {
            return Math.Round(0.1 + (random.NextDouble() * 200), 4);
        }

        var cap = MinStartCap * Math.Pow(MaxStartCap / MinStartCap, random.NextDouble());
        return cap / units;
    }
}
