namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Running totals of publishers (updated with Interlocked from send and ack loops). Counters made with a <c>whole</c>
/// (one node's publishers, with the run's) count everything there too.
/// </summary>
public sealed class PublisherCounters(PublisherCounters? whole = null)
{
    private long _ticksSent;
    private long _framesSent;
    private long _framesAcked;
    private long _ticksAcked;
    private long _ticksAccepted;
    private long _ticksRejected;
    private long _errors;

    public LatencyRecorder AckLatency { get; } = new(whole?.AckLatency);

    public void Sent(int ticks)
    {
        whole?.Sent(ticks);
        Interlocked.Add(ref _ticksSent, ticks);
        Interlocked.Increment(ref _framesSent);
    }

    public void Acked(int received, int accepted, int rejected)
    {
        whole?.Acked(received, accepted, rejected);
        Interlocked.Increment(ref _framesAcked);
        Interlocked.Add(ref _ticksAcked, received);
        Interlocked.Add(ref _ticksAccepted, accepted);
        Interlocked.Add(ref _ticksRejected, rejected);
    }

    public void Error()
    {
        whole?.Error();
        Interlocked.Increment(ref _errors);
    }

    public PublisherTotals Read() => new(
        Interlocked.Read(ref _ticksSent),
        Interlocked.Read(ref _framesSent),
        Interlocked.Read(ref _framesAcked),
        Interlocked.Read(ref _ticksAcked),
        Interlocked.Read(ref _ticksAccepted),
        Interlocked.Read(ref _ticksRejected),
        Interlocked.Read(ref _errors));
}

/// <summary>A reading of <see cref="PublisherCounters"/>; subtract two readings for a period, add periods of several nodes.</summary>
public readonly record struct PublisherTotals(
    long TicksSent, long FramesSent, long FramesAcked, long TicksAcked, long TicksAccepted, long TicksRejected, long Errors)
{
    public static PublisherTotals operator -(PublisherTotals a, PublisherTotals b) => new(
        a.TicksSent - b.TicksSent,
        a.FramesSent - b.FramesSent,
        a.FramesAcked - b.FramesAcked,
        a.TicksAcked - b.TicksAcked,
        a.TicksAccepted - b.TicksAccepted,
        a.TicksRejected - b.TicksRejected,
        a.Errors - b.Errors);

    public static PublisherTotals operator +(PublisherTotals a, PublisherTotals b) => new(
        a.TicksSent + b.TicksSent,
        a.FramesSent + b.FramesSent,
        a.FramesAcked + b.FramesAcked,
        a.TicksAcked + b.TicksAcked,
        a.TicksAccepted + b.TicksAccepted,
        a.TicksRejected + b.TicksRejected,
        a.Errors + b.Errors);
}
