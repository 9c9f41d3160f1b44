namespace AltseasonLive.Feeds.Live;

/// <summary>
/// Liveness and counters of one source, written by its connection loop and read by <c>GET /api/sources</c>. Thread-safe;
/// reads never change it. A connected source whose last message is older than <see cref="StaleAfter"/> reads as stale.
/// The message rate is counted in one-second buckets over the last <see cref="RateSeconds"/> full seconds.
/// </summary>
public sealed class SourceHealth
{
    /// <summary>Seconds the messages-per-second figure averages over.</summary>
    public const int RateSeconds = 10;

    private readonly TimeProvider _time;
    private readonly long[] _bucketSecond = new long[RateSeconds + 1];
    private readonly long[] _bucketCount = new long[RateSeconds + 1];
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private SourceState _state;
    private string? _reason;
    private long _lastMessageMs = -1;
    private long _reconnects;
    private long _gapsBackfilled;
    private long _malformed;
    private long _messages;

    public SourceHealth(string name, bool enabled, TimeSpan staleAfter, TimeProvider time)
    {
        Name = name;
        StaleAfter = staleAfter;
        _time = time;
        _state = enabled ? SourceState.Reconnecting : SourceState.Disabled;
        _reason = enabled ? "connecting" : "disabled in configuration";
    }

    public string Name { get; }

    /// <summary>No message for longer than this marks a connected source stale.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>Completes at the first valid message: the source is reachable.</summary>
    public Task Reached => _reached.Task;

    public long Reconnects => Interlocked.Read(ref _reconnects);

    public long GapsBackfilled => Interlocked.Read(ref _gapsBackfilled);

    /// <summary>Messages that could not be parsed; each was skipped.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>UTC epoch ms of the last valid message, or null before the first.</summary>
    public long? LastMessageMs => Interlocked.Read(ref _lastMessageMs) is var v && v >= 0 ? v : null;

    /// <summary>The state now: stored state, turned to stale when connected and silent beyond <see cref="StaleAfter"/>.</summary>
    public (SourceState State, string? Reason) Current
    {
        get
        {
            lock (_gate)
            {
                if (_state == SourceState.Connected && LastMessageMs is { } last
                    && _time.GetUtcNow().ToUnixTimeMilliseconds() - last > (long)StaleAfter.TotalMilliseconds)
                {
                    return (SourceState.Stale, $"no message for more than {StaleAfter.TotalSeconds:0.###} s");
                }

                return (_state, _reason);
            }
        }
    }

    /// <summary>Average valid messages per second over the last <see cref="RateSeconds"/> full seconds.</summary>
    public double MessagesPerSecond
    {
        get
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000;
            long sum = 0;
            lock (_gate)
            {
                for (var i = 0; i < _bucketSecond.Length; i++)
                {
                    var s = _bucketSecond[i];
                    if (s < now && s >= now - RateSeconds)
                    {
                        sum += _bucketCount[i];
                    }
                }
            }

            return sum / (double)RateSeconds;
        }
    }

    /// <summary>A valid message arrived: the source is connected and fresh.</summary>
    public void MessageReceived()
    {
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var second = nowMs / 1000;
        var slot = (int)(second % _bucketSecond.Length);
        lock (_gate)
        {
            if (_bucketSecond[slot] != second)
            {
                _bucketSecond[slot] = second;
                _bucketCount[slot] = 0;
            }

            _bucketCount[slot]++;
            _state = SourceState.Connected;
            _reason = null;
        }

        Interlocked.Increment(ref _messages);
        Interlocked.Exchange(ref _lastMessageMs, nowMs);
        _reached.TrySetResult();
    }

    public void MalformedReceived() => Interlocked.Increment(ref _malformed);

    public void GapBackfilled() => Interlocked.Increment(ref _gapsBackfilled);

    /// <summary>The connection was lost or is being renewed; <paramref name="reason"/> says why.</summary>
    public void Reconnecting(string reason)
    {
        Interlocked.Increment(ref _reconnects);
        Set(SourceState.Reconnecting, reason);
    }

    public void Failed(string reason) => Set(SourceState.Error, reason);

    public void Set(SourceState state, string? reason)
    {
        lock (_gate)
        {
            _state = state;
            _reason = reason;
        }
    }
}
