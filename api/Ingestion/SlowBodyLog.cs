namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Logs request bodies that arrive too slowly (Kestrel's minimum data rate, answered 408) as one line per interval with
/// a count, never as a stack trace per request: a slow-loris publisher must not flood the log.
/// </summary>
public sealed partial class SlowBodyLog(TimeProvider clock, ILogger<SlowBodyLog> logger)
{
    /// <summary>At most one line per this interval.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private long _lastLoggedTimestamp;
    private int _since;
    private bool _logged;

    public void Record(string? remote)
    {
        int count;
        lock (_gate)
        {
            _since++;
            var now = clock.GetTimestamp();
            if (_logged && clock.GetElapsedTime(_lastLoggedTimestamp, now) < Interval)
            {
                return;
            }

            count = _since;
            _since = 0;
            _logged = true;
            _lastLoggedTimestamp = now;
        }

        LogSlowBodies(count, remote ?? "unknown", Interval.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} publish request bodies arrived too slowly and were answered 408 (latest from {Remote}); next report in {IntervalSeconds} s at the earliest")]
    private partial void LogSlowBodies(int count, string remote, double intervalSeconds);
}
