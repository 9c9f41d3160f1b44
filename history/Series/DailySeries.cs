namespace AltseasonLive.History.Series;

/// <summary>
/// An immutable daily series of closes in ascending date order, one value per date. Units are those of the source
/// (USD for prices and market caps, percent for dominance). Lookups by date are binary searches.
/// </summary>
public sealed class DailySeries
{
    private readonly DateOnly[] _dates;
    private readonly double[] _closes;

    public DailySeries(string name, IEnumerable<DailyPoint> points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        var sorted = points.OrderBy(p => p.Date).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Date == sorted[i - 1].Date)
            {
                throw new ArgumentException($"Series {name} has two values on {sorted[i].Date:yyyy-MM-dd}.", nameof(points));
            }
        }

        _dates = sorted.Select(p => p.Date).ToArray();
        _closes = sorted.Select(p => p.Close).ToArray();
    }

    /// <summary>Symbol or logical name, e.g. "RUT" or "USDT.D".</summary>
    public string Name { get; }

    public int Count => _dates.Length;

    public DailyPoint this[int index] => new(_dates[index], _closes[index]);

    public ReadOnlySpan<DateOnly> Dates => _dates;

    public ReadOnlySpan<double> Closes => _closes;

    public DateOnly FirstDate => _dates.Length > 0 ? _dates[0] : throw new InvalidOperationException($"Series {Name} is empty.");

    public DateOnly LastDate => _dates.Length > 0 ? _dates[^1] : throw new InvalidOperationException($"Series {Name} is empty.");

    /// <summary>Index of <paramref name="date"/>, or the bitwise complement of the next later index when absent.</summary>
    public int IndexOf(DateOnly date) => Array.BinarySearch(_dates, date);

    public bool TryGetClose(DateOnly date, out double close)
    {
        var i = IndexOf(date);
        close = i >= 0 ? _closes[i] : double.NaN;
        return i >= 0;
    }

    /// <summary>The close on <paramref name="date"/>, or the latest close before it; false before the first date.</summary>
    public bool TryGetCloseOnOrBefore(DateOnly date, out double close)
    {
        var i = IndexOf(date);
        if (i < 0)
        {
            i = ~i - 1;
        }

        close = i >= 0 ? _closes[i] : double.NaN;
        return i >= 0;
    }

    /// <summary>The points with <paramref name="from"/> &lt;= date &lt;= <paramref name="to"/> (both optional, inclusive).</summary>
    public DailySeries Slice(DateOnly? from, DateOnly? to)
    {
        var start = from is { } f ? LowerBound(f) : 0;
        var end = to is { } t ? LowerBound(t.AddDays(1)) : _dates.Length;
        return new DailySeries(Name, Enumerable.Range(start, Math.Max(0, end - start)).Select(i => this[i]));
    }

    public IEnumerable<DailyPoint> Points => Enumerable.Range(0, Count).Select(i => this[i]);

    public DailySeries Rename(string name) => new(name, Points);

    private int LowerBound(DateOnly date)
    {
        var i = IndexOf(date);
        return i >= 0 ? i : ~i;
    }
}
