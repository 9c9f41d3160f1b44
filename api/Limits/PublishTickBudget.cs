using System.Threading.RateLimiting;
using AltseasonLive.Api.Ingestion;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Ticks per second per publisher for <c>POST /api/ticks</c>: one token bucket per <see cref="PublisherPartition"/>,
/// charged with every item of a request once it is parsed (nothing of a refused request is published).
/// </summary>
public sealed class PublishTickBudget : IDisposable
{
    private readonly IngestionKeyStore _keys;
    private readonly LimitsOptions _limits;
    private readonly PartitionedRateLimiter<string> _buckets;

    public PublishTickBudget(IngestionKeyStore keys, IOptions<LimitsOptions> options)
    {
        _keys = keys;
        _limits = options.Value;
        var bucket = TokenBudget.Options(_limits.PublishTicksPerSecond, _limits.PublishTickBurst, autoReplenishment: true);
        _buckets = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => bucket));
    }

    /// <summary>Charges <paramref name="ticks"/> to the request's publisher; null when allowed, else the 429 to return.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? TryCharge(HttpContext context, int ticks)
    {
        var decision = ticks > _limits.PublishTickBurst
            ? new RateDecision(false, TimeSpan.MaxValue)
            : Take(PublisherPartition.Of(context, _keys), ticks);
        return decision.Allowed
            ? null
            : RateLimitProblem.Create(
                context,
                RateLimitReason.TickRate,
                $"More than {_limits.PublishTicksPerSecond} ticks per second (burst {_limits.PublishTickBurst}) for this publisher; nothing of this request was published; retry after {decision.RetryAfterSeconds} s.",
                decision);
    }

    public void Dispose() => _buckets.Dispose();

    private RateDecision Take(string partition, int ticks)
    {
        using var lease = _buckets.AttemptAcquire(partition, Math.Max(ticks, 0));
        return TokenBudget.Decide(lease);
    }
}
