using AltseasonLive.Api.Ingestion;

namespace AltseasonLive.Api.Limits;

/// <summary>Why a WebSocket frame was refused by a rate limit: a <see cref="RateLimitReason"/> code, text, and seconds until it may pass.</summary>
public sealed record StreamRefusal(string Reason, string Detail, double? RetryAfterSeconds)
{
    /// <summary>The frame's ack: nothing accepted, every received item counted as rejected, the limit as the error.</summary>
    public TickFrameAck ToAck(long frame, int received) => new(frame, received, 0, received, [], Detail, Reason, RetryAfterSeconds);
}
