using System.Diagnostics.CodeAnalysis;

namespace AltseasonLive.History.Coins;

/// <summary>Per-coin daily histories keyed by upper-case symbol (BTC included: it is the Altcoin Season benchmark).</summary>
public sealed class CoinPanel
{
    private readonly Dictionary<string, CoinHistory> _coins;

    public CoinPanel(IEnumerable<CoinHistory> coins)
    {
        _coins = coins.ToDictionary(c => c.Symbol, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<CoinHistory> Coins => _coins.Values;

    public IEnumerable<string> Symbols => _coins.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string symbol, [MaybeNullWhen(false)] out CoinHistory history) =>
        _coins.TryGetValue(symbol, out history);

    /// <summary>Every date on which at least one coin has a row, ascending.</summary>
    public IReadOnlyList<DateOnly> Dates() =>
        _coins.Values.SelectMany(c => c.Days.ToArray().Select(d => d.Date)).Distinct().Order().ToArray();
}
