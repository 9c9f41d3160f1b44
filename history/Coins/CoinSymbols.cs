namespace AltseasonLive.History.Coins;

/// <summary>
/// Product symbols for the panel's coins. A coin's symbol is its upper-case ticker unless its CoinGecko id is mapped
/// here, which it must be when the ticker is also the symbol of an instrument of another class: CoinGecko's
/// <c>spx6900</c> trades as "SPX", which is the S&amp;P 500 here, so the coin is "SPX6900". A ticker that collides
/// with no mapping stops the load rather than letting a coin pass for an index.
/// </summary>
public static class CoinSymbols
{
    /// <summary>Symbols of instruments that are not coins (indices, composites, dominances): no coin may take them.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SPX", HistorySymbols.Rut, HistorySymbols.Total, HistorySymbols.Total2, HistorySymbols.Total3,
        HistorySymbols.BtcDominance, HistorySymbols.EthDominance, HistorySymbols.UsdtDominance,
    };

    private static readonly Dictionary<string, string> ById = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spx6900"] = "SPX6900",
    };

    /// <summary>The product symbol of a coin from its ticker and, where the file has one, its CoinGecko id.</summary>
    /// <exception cref="InvalidDataException">The ticker is reserved and the id has no mapping.</exception>
    public static string Of(string ticker, string? coinGeckoId)
    {
        if (coinGeckoId is { Length: > 0 } id && ById.TryGetValue(id, out var mapped))
        {
            return mapped;
        }

        var symbol = ticker.ToUpperInvariant();
        return Reserved.Contains(symbol)
            ? throw new InvalidDataException($"Coin '{coinGeckoId ?? ticker}' has the ticker {symbol}, the symbol of a non-coin instrument; map its CoinGecko id in {nameof(CoinSymbols)}.")
            : symbol;
    }
}
