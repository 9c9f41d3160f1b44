namespace AltseasonLive.Statistics;

/// <summary>
/// Rolling correlation of one pair over the last <see cref="Window"/> pair bars, O(1) per update.
/// Inputs are prices; <see cref="Mode"/> decides whether log returns or levels are correlated. A bar is a pair bar
/// only when both legs have a close in it, so callers feed it only bars where both markets traded (equities skip
/// weekends, crypto does not). <see cref="Revise"/> sets the in-progress bar, <see cref="Commit"/> closes it; statistics
/// always include the in-progress bar: with one, the window is the last W - 1 committed observations plus the live
/// one; without one, the last W committed observations.
/// </summary>
public sealed class RollingCorrelation
{
    private readonly double[] _ring;
    private PairWindow _window;
    private bool _hasLive;
    private double _liveA;
    private double _liveB;
    private bool _hasPrevious;
    private double _previousA;
    private double _previousB;

    /// <param name="window">Window length in pair bars (observations), at least 2.</param>
    /// <param name="mode">Returns or levels.</param>
    public RollingCorrelation(int window, CorrelationMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown correlation mode.");
        }

        Window = window;
        Mode = mode;
        _ring = new double[2 * window];
        _window = new PairWindow(window, 0, 0);
    }

    /// <summary>Window length in pair bars.</summary>
    public int Window { get; }

    public CorrelationMode Mode { get; }

    /// <summary>True once the committed history fills the window (W observations; in Returns mode that takes W + 1 committed bars).</summary>
    public bool IsReady => _window.Count == Window;

    /// <summary>Committed pair bars since construction or <see cref="Reset"/>.</summary>
    public int Samples { get; private set; }

    /// <summary>True while an in-progress bar has been revised and not yet committed.</summary>
    public bool HasInProgressBar => _hasLive;

    /// <summary>Window statistics including the in-progress bar. O(1), no side effects.</summary>
    public CorrelationStats Current
    {
        get
        {
            if (TryLiveObservation(out var x, out var y))
            {
                return _window.With(true, x - _window.X.Shift, y - _window.Y.Shift).ToStats(Window);
            }

            return _window.Committed(_ring).ToStats(Window);
        }
    }

    /// <summary>Sets or replaces the in-progress bar's closes; both legs have a value in this bar.</summary>
    /// <param name="priceA">Leg A close (Returns mode: finite and &gt; 0).</param>
    /// <param name="priceB">Leg B close (Returns mode: finite and &gt; 0).</param>
    public void Revise(double priceA, double priceB)
    {
        PriceGuard.Check(priceA, Mode, nameof(priceA));
        PriceGuard.Check(priceB, Mode, nameof(priceB));
        _liveA = priceA;
        _liveB = priceB;
        _hasLive = true;
    }

    /// <summary>Closes the in-progress bar (no-op without one): it enters the window and, once full, the oldest leaves.</summary>
    public void Commit()
    {
        if (!_hasLive)
        {
            return;
        }

        if (TryLiveObservation(out var x, out var y))
        {
            _window.Commit(_ring, x, y);
        }

        _previousA = _liveA;
        _previousB = _liveB;
        _hasPrevious = true;
        _hasLive = false;
        Samples++;
    }

    /// <summary>Adds a closed bar: <see cref="Revise"/> then <see cref="Commit"/> (history, daily bars).</summary>
    public void Add(double priceA, double priceB)
    {
        Revise(priceA, priceB);
        Commit();
    }

    public void Reset()
    {
        _window.Clear();
        _hasLive = false;
        _hasPrevious = false;
        _previousA = 0;
        _previousB = 0;
        Samples = 0;
    }

    private bool TryLiveObservation(out double x, out double y)
    {
        if (_hasLive && Mode == CorrelationMode.Levels)
        {
            x = _liveA;
            y = _liveB;
            return true;
        }

        if (_hasLive && _hasPrevious)
        {
            x = Math.Log(_liveA / _previousA);
            y = Math.Log(_liveB / _previousB);
            return true;
        }

        x = 0;
        y = 0;
        return false;
    }
}
