namespace AltseasonLive.History.Coins;

/// <summary>The daily price/market-cap history of one coin, ascending by date, at most one row per date.</summary>
public sealed class CoinHistory
{
    private readonly CoinDay[] _days;
    private readonly DateOnly[] _dates;

    public CoinHistory(string symbol, CoinClass coinClass, IEnumerable<CoinDay> days)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        Symbol = symbol;
        Class = coinClass;
        _days = days.GroupBy(d => d.Date).Select(g => g.Last()).OrderBy(d => d.Date).ToArray();
        _dates = _days.Select(d => d.Date).ToArray();
    }

    /// <summary>Upper-case ticker, e.g. "ADA".</summary>
    public string Symbol { get; }

    public CoinClass Class { get; }

    public ReadOnlySpan<CoinDay> Days => _days;

    public bool TryGet(DateOnly date, out CoinDay day)
    {
        var i = Array.BinarySearch(_dates, date);
        day = i >= 0 ? _days[i] : default;
        return i >= 0;
    }
}
