using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Limits of one <c>/api/ticks/ws</c> connection: frames per second (checked before a frame is parsed) and ticks per
/// second (every item of a parsed frame), the ticks also charged to the publisher's key budget (shared with
/// <c>POST /api/ticks</c>, so opening more connections does not multiply a key's rate). A refused frame is answered with
/// an error ack and nothing of it is published; <see cref="ShouldClose"/> turns true after
/// <see cref="LimitsOptions.StreamViolationsBeforeClose"/> refusals in a row.
/// </summary>
public sealed partial class StreamRateLimiter : IDisposable
{
    private readonly LimitsOptions _limits;
    private readonly TokenBudget _frames;
    private readonly TokenBudget _ticks;
    private readonly Func<int, RateDecision> _publisherTicks;
    private readonly ILogger _logger;
    private readonly string _publisher;
    private int _consecutiveViolations;

    /// <summary>
    /// Opened by <see cref="PublishTickBudget.OpenStream"/>: <paramref name="publisherTicks"/> charges the connection's
    /// <paramref name="publisher"/> (a <see cref="PublisherPartition"/>, named in the log when the connection is closed).
    /// </summary>
    public StreamRateLimiter(IOptions<LimitsOptions> options, Func<int, RateDecision> publisherTicks, string publisher, ILogger logger)
    {
        _limits = options.Value;
        _publisherTicks = publisherTicks;
        _publisher = publisher;
        _logger = logger;
        _frames = new TokenBudget(_limits.StreamFramesPerSecond, _limits.StreamFrameBurst);
        _ticks = new TokenBudget(_limits.StreamTicksPerSecond, _limits.StreamTickBurst);
    }

    /// <summary>True once the connection has been refused too many frames in a row: close it with PolicyViolation.</summary>
    public bool ShouldClose => _consecutiveViolations >= _limits.StreamViolationsBeforeClose;

    public string CloseDescription => $"Rate limit exceeded on {_consecutiveViolations} consecutive frames.";

    /// <summary>Charges one frame, before it is parsed; null when allowed, else the refusal to put in the frame's ack.</summary>
    public StreamRefusal? TryAdmitFrame() =>
        Charge(_frames.TryTake(1), RateLimitReason.FrameRate, admitted: false,
            $"More than {_limits.StreamFramesPerSecond} frames per second (burst {_limits.StreamFrameBurst}) on this connection");

    /// <summary>
    /// Charges the <paramref name="ticks"/> of a frame admitted by <see cref="TryAdmitFrame"/>; null when allowed (the
    /// frame is through and the violation streak ends), else the refusal for its ack.
    /// </summary>
    public StreamRefusal? TryAdmitTicks(int ticks)
    {
        var connection = _ticks.TryTake(ticks);
        if (!connection.Allowed)
        {
            return Charge(connection, RateLimitReason.TickRate, admitted: true,
                $"More than {_limits.StreamTicksPerSecond} ticks per second (burst {_limits.StreamTickBurst}) on this connection");
        }

        return Charge(_publisherTicks(ticks), RateLimitReason.TickRate, admitted: true,
            $"More than {_limits.PublishTicksPerSecond} ticks per second (burst {_limits.PublishTickBurst}) for this publisher");
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Closing a tick WebSocket of publisher {Publisher}: {Violations} frames in a row refused by rate limits (last: {Reason})")]
    private static partial void LogClosing(ILogger logger, string publisher, int violations, string reason);

    public void Dispose()
    {
        _frames.Dispose();
        _ticks.Dispose();
    }

    private StreamRefusal? Charge(RateDecision decision, string reason, bool admitted, string limit)
    {
        if (decision.Allowed)
        {
            if (admitted)
            {
                _consecutiveViolations = 0;
            }

            return null;
        }

        if (++_consecutiveViolations == _limits.StreamViolationsBeforeClose)
        {
            LogClosing(_logger, _publisher, _consecutiveViolations, reason);
        }
        var retry = decision.RetryAfter == TimeSpan.MaxValue ? null : (double?)Math.Round(decision.RetryAfter.TotalSeconds, 3);
        return new StreamRefusal(reason, $"{limit}; nothing of this frame was published.", retry);
    }
}
