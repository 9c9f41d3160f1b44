using HdrHistogram;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Thread-safe latency recording in microseconds (HdrHistogram <see cref="Recorder"/> over a
/// <see cref="LongConcurrentHistogram"/>, 3 significant digits, up to one hour). Many publishers and subscribers record at
/// once; a plain histogram loses increments under that race, and its total then disagrees with its counts.
/// <see cref="TakeInterval"/> drains what was recorded since the previous call into the running total and the current
/// window, so a live display can show per-second percentiles, <see cref="TakeWindow"/> per-sample ones, and the summary
/// keeps everything after the warm-up. A recorder made with a <c>whole</c> recorder (one node's, with the run's) records
/// every value there too. Values outside 0..1 h (clock skew, ticks from another feed) are counted in
/// <see cref="OutOfRange"/> instead.
/// </summary>
public sealed class LatencyRecorder(LatencyRecorder? whole = null)
{
    public const long HighestMicroseconds = 3_600_000_000;

    private readonly Recorder _recorder = new(1, HighestMicroseconds, 3, (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));
    private readonly LongHistogram _total = new(1, HighestMicroseconds, 3);
    private readonly LongHistogram _window = new(1, HighestMicroseconds, 3);
    private readonly Lock _gate = new();
    private HistogramBase? _recycle;
    private long _outOfRange;

    public long OutOfRange => Interlocked.Read(ref _outOfRange);

    public void Record(long microseconds)
    {
        whole?.Record(microseconds);
        if (microseconds < 0 || microseconds > HighestMicroseconds)
        {
            Interlocked.Increment(ref _outOfRange);
            return;
        }

        _recorder.RecordValue(Math.Max(1, microseconds));
    }

    /// <summary>Summary of the values recorded since the previous call; they are added to the total and the window.</summary>
    public LatencySummary TakeInterval()
    {
        lock (_gate)
        {
            return LatencySummary.From(Drain());
        }
    }

    /// <summary>Summary of the values recorded since the previous call to this (or <see cref="Reset"/>); starts a new window.</summary>
    public LatencySummary TakeWindow()
    {
        lock (_gate)
        {
            Drain();
            var window = LatencySummary.From(_window);
            _window.Reset();
            return window;
        }
    }

    /// <summary>Forgets everything recorded so far (end of the warm-up).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _recycle = _recorder.GetIntervalHistogram(_recycle);
            _total.Reset();
            _window.Reset();
            Interlocked.Exchange(ref _outOfRange, 0);
        }
    }

    /// <summary>Summary of everything recorded since the last <see cref="Reset"/>, including the pending interval.</summary>
    public LatencySummary Total()
    {
        lock (_gate)
        {
            Drain();
            return LatencySummary.From(_total);
        }
    }

    private HistogramBase Drain()
    {
        var interval = _recorder.GetIntervalHistogram(_recycle);
        _recycle = interval;
        _total.Add(interval);
        _window.Add(interval);
        return interval;
    }
}
