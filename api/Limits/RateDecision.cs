namespace AltseasonLive.Api.Limits;

/// <summary>Outcome of asking a token bucket for permits: when refused, <see cref="RetryAfter"/> is when enough will have refilled.</summary>
public readonly record struct RateDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateDecision Allow { get; } = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds, at least 1, as HTTP's <c>Retry-After</c> header wants them.</summary>
    public long RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds));
}
