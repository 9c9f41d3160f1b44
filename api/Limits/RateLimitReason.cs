namespace AltseasonLive.Api.Limits;

/// <summary>Stable codes for a refusal by a rate limit (the <c>reason</c> of a 429 problem or a WebSocket ack).</summary>
public static class RateLimitReason
{
    public const string RequestRate = "RequestRateExceeded";
    public const string TickRate = "TickRateExceeded";
    public const string FrameRate = "FrameRateExceeded";
    public const string InvocationRate = "InvocationRateExceeded";
}
