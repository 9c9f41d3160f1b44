namespace AltseasonLive.Statistics;

/// <summary>
/// The "usual range" of a value (e.g. a pair window's correlation) over its last <see cref="Lookback"/> values:
/// the lower and upper percentiles, linearly interpolated between order statistics (rank p x (n - 1), as numpy's
/// default and Excel's PERCENTILE.INC). Keeps a sorted copy of the window; Add is O(log n) search plus an O(n) shift
/// of contiguous doubles and allocates nothing.
/// </summary>
public sealed class RollingPercentileBand
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _next;

    /// <param name="lookback">Number of most recent values the band covers, at least 2.</param>
    /// <param name="lowerPercentile">Lower percentile as a fraction in [0, 1] (0.05 = 5th percentile).</param>
    /// <param name="upperPercentile">Upper percentile as a fraction in [lowerPercentile, 1].</param>
    public RollingPercentileBand(int lookback, double lowerPercentile, double upperPercentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lookback, 2);
        if (!(lowerPercentile >= 0 && lowerPercentile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lowerPercentile), lowerPercentile, "Percentiles are fractions in [0, 1].");
        }

        if (!(upperPercentile >= lowerPercentile && upperPercentile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(upperPercentile), upperPercentile, "The upper percentile must be in [lower, 1].");
        }

        Lookback = lookback;
        LowerPercentile = lowerPercentile;
        UpperPercentile = upperPercentile;
        _ring = new double[lookback];
        _sorted = new double[lookback];
    }

    public int Lookback { get; }

    /// <summary>Lower percentile as a fraction.</summary>
    public double LowerPercentile { get; }

    /// <summary>Upper percentile as a fraction.</summary>
    public double UpperPercentile { get; }

    /// <summary>Values currently in the band's window, at most <see cref="Lookback"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Values added since construction or <see cref="Reset"/>.</summary>
    public int Samples { get; private set; }

    /// <summary>True once <see cref="Lookback"/> values are in the window.</summary>
    public bool IsReady => Count == Lookback;

    /// <summary>Lower percentile of the values so far (NaN while empty).</summary>
    public double Lower => Percentile(LowerPercentile);

    /// <summary>Upper percentile of the values so far (NaN while empty).</summary>
    public double Upper => Percentile(UpperPercentile);

    /// <summary>Adds a value (finite); once full, the oldest leaves.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Value must be finite.");
        }

        if (Count == Lookback)
        {
            var leaving = Array.BinarySearch(_sorted, 0, Count, _ring[_next]);
            Array.Copy(_sorted, leaving + 1, _sorted, leaving, Count - leaving - 1);
            Count--;
        }

        var at = Array.BinarySearch(_sorted, 0, Count, value);
        if (at < 0)
        {
            at = ~at;
        }

        Array.Copy(_sorted, at, _sorted, at + 1, Count - at);
        _sorted[at] = value;
        Count++;
        _ring[_next] = value;
        _next = _next + 1 == Lookback ? 0 : _next + 1;
        Samples++;
    }

    /// <summary>True when <paramref name="value"/> lies within [Lower, Upper].</summary>
    public bool Contains(double value) => Count > 0 && value >= Lower && value <= Upper;

    public void Reset()
    {
        Count = 0;
        Samples = 0;
        _next = 0;
    }

    private double Percentile(double fraction)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = fraction * (Count - 1);
        var below = (int)Math.Floor(rank);
        if (below >= Count - 1)
        {
            return _sorted[Count - 1];
        }

        var weight = rank - below;
        return _sorted[below] + (weight * (_sorted[below + 1] - _sorted[below]));
    }
}
