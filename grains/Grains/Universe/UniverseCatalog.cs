using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Interfaces.Universe;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Universe;

/// <summary>
/// Lookups derived once from <see cref="UniverseOptions"/>: symbol classes, the correlation groups (one per anchor)
/// and which groups need which symbols. Symbols are case-sensitive as configured.
/// </summary>
public sealed class UniverseCatalog
{
    private readonly FrozenDictionary<string, AssetOptions> _assets;
    private readonly FrozenDictionary<string, CorrelationGroupLayout> _groups;
    private readonly FrozenDictionary<string, string[]> _groupsBySymbol;
    private readonly FrozenSet<string> _unlistedCoins;

    public UniverseCatalog(IOptions<UniverseOptions> options, IOptions<BarOptions> bars)
    {
        var universe = options.Value;
        BarSizeMs = (long)bars.Value.BarSize.TotalMilliseconds;
        _assets = universe.Assets
            .Where(a => !string.IsNullOrWhiteSpace(a.Symbol))
            .GroupBy(a => a.Symbol, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

        _groups = universe.Pairs
            .Where(p => _assets.ContainsKey(p.Anchor) && _assets.ContainsKey(p.Partner) && p.Anchor != p.Partner)
            .GroupBy(p => p.Anchor, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => new CorrelationGroupLayout(g.Key, g
                    .GroupBy(p => p.Partner, StringComparer.Ordinal)
                    .Select(pg => new PartnerLayout(
                        pg.Key,
                        Distinct(pg.Last().Windows.Count > 0 ? pg.Last().Windows : universe.Windows).Where(w => w >= 2).ToArray(),
                        Distinct(pg.Last().Modes.Count > 0 ? pg.Last().Modes : universe.Modes)))
                    .Where(p => p.Windows.Count > 0 && p.Modes.Count > 0)
                    .ToArray()),
                StringComparer.Ordinal);

        _groupsBySymbol = _groups.Values
            .SelectMany(g => g.Partners.Select(p => (Symbol: p.Symbol, g.Anchor)).Append((Symbol: g.Anchor, g.Anchor)))
            .GroupBy(x => x.Symbol, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Anchor).Distinct().ToArray(), StringComparer.Ordinal);

        AllTimeHighSymbols = universe.AllTimeHighSymbols.ToFrozenSet(StringComparer.Ordinal);
        _unlistedCoins = universe.Coins.Where(c => !_assets.ContainsKey(c) && UnlistedCoinSymbol.IsValid(c)).ToFrozenSet(StringComparer.Ordinal);
        Streaks = universe.Streaks
            .Where(s => _assets.ContainsKey(s.Symbol) && _assets.ContainsKey(s.Benchmark))
            .ToArray();
        Info = new UniverseInfo(
            [.. _assets.Values.OrderBy(a => a.Symbol, StringComparer.Ordinal).Select(a => new AssetInfo(a.Symbol, a.Class, a.Supply, a.Name))],
            [.. _groups.Values.SelectMany(g => g.Keys)],
            BarSizeMs);
    }

    public long BarSizeMs { get; }

    public UniverseInfo Info { get; }

    public IReadOnlySet<string> AllTimeHighSymbols { get; }

    public IReadOnlyList<StreakOptions> Streaks { get; }

    public IEnumerable<AssetOptions> Assets => _assets.Values;

    public bool TryGetAsset(string symbol, [MaybeNullWhen(false)] out AssetOptions asset) =>
        _assets.TryGetValue(symbol, out asset);

    public bool IsKnown(string symbol) => _assets.ContainsKey(symbol);

    /// <summary>
    /// Whether a tick goes to an asset grain: a configured symbol, a configured unlisted coin
    /// (<see cref="UniverseOptions.Coins"/>), or a tick with a market cap under a product-shaped symbol (see
    /// <see cref="UnlistedCoinSymbol"/>): a coin from a market-cap feed's top list. Unlisted coins count in the Altcoin
    /// Season Index and nowhere else; anything else is an unknown symbol, refused without activating a grain. A
    /// configured symbol keeps its class whatever the tick carries: a market cap sent under SPX (the S&amp;P 500)
    /// never makes it a coin.
    /// </summary>
    public bool Accepts(in Tick tick) =>
        _assets.ContainsKey(tick.Symbol) || _unlistedCoins.Contains(tick.Symbol) || (tick.MarketCap is not null && UnlistedCoinSymbol.IsValid(tick.Symbol));

    /// <summary>Whether <paramref name="symbol"/> is a configured coin outside the assets (<see cref="UniverseOptions.Coins"/>): a coin even without a market cap.</summary>
    public bool IsUnlistedCoin(string symbol) => _unlistedCoins.Contains(symbol);

    public CorrelationGroupLayout? GetGroup(string anchor) => _groups.GetValueOrDefault(anchor);

    /// <summary>Anchors of the correlation groups that need ticks of <paramref name="symbol"/> (empty when none).</summary>
    public ReadOnlySpan<string> GroupsFor(string symbol) =>
        _groupsBySymbol.TryGetValue(symbol, out var anchors) ? anchors : [];

    /// <summary>Streak keys ("RUT|SPX") in which <paramref name="symbol"/> is a leg.</summary>
    public IEnumerable<string> StreakKeysFor(string symbol) =>
        Streaks.Where(s => s.Symbol == symbol || s.Benchmark == symbol).Select(s => $"{s.Symbol}|{s.Benchmark}");

    private static T[] Distinct<T>(IEnumerable<T> values) => values.Distinct().ToArray();
}
