namespace AltseasonLive.Statistics;

/// <summary>
/// Rolling mean and sample standard deviation of one price series' log returns over the last <see cref="Window"/>
/// returns (an asset's volatility per bar), O(1) per update. Same in-progress-bar semantics as
/// <see cref="RollingCorrelation"/>: <see cref="Revise"/> sets the live close, <see cref="Commit"/> closes the bar, and
/// <see cref="Current"/> includes the live return (last W - 1 committed returns plus the live one).
/// </summary>
public sealed class RollingVolatility
{
    private readonly double[] _ring;
    private PairWindow _window;
    private bool _hasLive;
    private double _live;
    private bool _hasPrevious;
    private double _previous;

    /// <param name="window">Window length in returns (bars), at least 2.</param>
    public RollingVolatility(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        Window = window;
        _ring = new double[2 * window];
        _window = new PairWindow(window, 0, 0);
    }

    /// <summary>Window length in returns (bars).</summary>
    public int Window { get; }

    /// <summary>True once W committed returns are in the window (W + 1 committed bars).</summary>
    public bool IsReady => _window.Count == Window;

    /// <summary>Committed bars since construction or <see cref="Reset"/>.</summary>
    public int Samples { get; private set; }

    /// <summary>Window statistics including the in-progress bar. O(1), no side effects.</summary>
    public VolatilityStats Current
    {
        get
        {
            var sums = _hasLive && _hasPrevious
                ? _window.With(true, Math.Log(_live / _previous) - _window.X.Shift, 0)
                : _window.Committed(_ring);
            if (sums.N == 0)
            {
                return new VolatilityStats(0, Window, 0, null);
            }

            var invN = 1.0 / sums.N;
            var mean = sums.KX + (sums.SX * invN);
            if (sums.N < 2)
            {
                return new VolatilityStats(sums.N, Window, mean, null);
            }

            var centered = sums.SXX - (sums.SX * sums.SX * invN);
            var deviation = MomentTolerance.IsVariance(centered, sums.SXX, sums.ToleranceX) ? Math.Sqrt(centered / (sums.N - 1.0)) : 0;
            return new VolatilityStats(sums.N, Window, mean, deviation);
        }
    }

    /// <summary>Sets or replaces the in-progress bar's close (finite, &gt; 0).</summary>
    public void Revise(double price)
    {
        PriceGuard.CheckPositive(price, nameof(price));
        _live = price;
        _hasLive = true;
    }

    /// <summary>Closes the in-progress bar (no-op without one).</summary>
    public void Commit()
    {
        if (!_hasLive)
        {
            return;
        }

        if (_hasPrevious)
        {
            _window.Commit(_ring, Math.Log(_live / _previous), 0);
        }

        _previous = _live;
        _hasPrevious = true;
        _hasLive = false;
        Samples++;
    }

    /// <summary>Adds a closed bar: <see cref="Revise"/> then <see cref="Commit"/>.</summary>
    public void Add(double price)
    {
        Revise(price);
        Commit();
    }

    public void Reset()
    {
        _window.Clear();
        _hasLive = false;
        _hasPrevious = false;
        _previous = 0;
        Samples = 0;
    }
}
