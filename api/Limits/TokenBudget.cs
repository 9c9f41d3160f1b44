using System.Threading.RateLimiting;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// One connection's token bucket (<see cref="TokenBucketRateLimiter"/>) without a timer: it is refilled for the elapsed
/// time when asked, so thousands of idle connections cost nothing. Thread-safe.
/// </summary>
public sealed class TokenBudget : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    public TokenBudget(double perSecond, int burst)
    {
        Burst = burst;
        _bucket = new TokenBucketRateLimiter(Options(perSecond, burst, autoReplenishment: false));
    }

    /// <summary>Most permits one request can ever get.</summary>
    public int Burst { get; }

    /// <summary>Takes <paramref name="permits"/> if the bucket holds them; a request larger than the bucket is always refused.</summary>
    public RateDecision TryTake(int permits)
    {
        if (permits > Burst)
        {
            return new RateDecision(false, TimeSpan.MaxValue);
        }

        _bucket.TryReplenish();
        using var lease = _bucket.AttemptAcquire(Math.Max(permits, 0));
        return Decide(lease);
    }

    public void Dispose() => _bucket.Dispose();

    /// <summary>
    /// Bucket settings for a rate in permits per second: whole rates refill per second, fractional ones one permit per
    /// 1/rate seconds (TokensPerPeriod is an integer).
    /// </summary>
    public static TokenBucketRateLimiterOptions Options(double perSecond, int burst, bool autoReplenishment) =>
        new()
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond >= 1 ? (int)Math.Round(perSecond) : 1,
            ReplenishmentPeriod = perSecond >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / perSecond),
            QueueLimit = 0,
            AutoReplenishment = autoReplenishment,
        };

    public static RateDecision Decide(RateLimitLease lease) =>
        lease.IsAcquired
            ? RateDecision.Allow
            : new RateDecision(false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1));
}
