using System.Threading.RateLimiting;
using AltseasonLive.Api.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Ticks per second per publisher, over <c>POST /api/ticks</c> and all its <c>/api/ticks/ws</c> connections: one token
/// bucket per <see cref="PublisherPartition"/>, charged with every item of a request or frame once it is parsed
/// (nothing of a refused request or frame is published).
/// </summary>
public sealed class PublishTickBudget : IDisposable
{
    private readonly IngestionKeyStore _keys;
    private readonly IOptions<LimitsOptions> _options;
    private readonly LimitsOptions _limits;
    private readonly PartitionedRateLimiter<string> _buckets;
    private readonly ILogger<StreamRateLimiter> _streamLogger;

    public PublishTickBudget(IngestionKeyStore keys, IOptions<LimitsOptions> options, ILogger<StreamRateLimiter> streamLogger)
    {
        _keys = keys;
        _streamLogger = streamLogger;
        _options = options;
        _limits = options.Value;
        var bucket = TokenBudget.Options(_limits.PublishTicksPerSecond, _limits.PublishTickBurst, autoReplenishment: true);
        _buckets = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => bucket));
    }

    /// <summary>Charges <paramref name="ticks"/> to the request's publisher; null when allowed, else the 429 to return.</summary>
    public ProblemHttpResult? TryCharge(HttpContext context, int ticks)
    {
        var decision = Take(PublisherPartition.Of(context, _keys), ticks);
        return decision.Allowed
            ? null
            : RateLimitProblem.Create(
                context,
                RateLimitReason.TickRate,
                $"More than {_limits.PublishTicksPerSecond} ticks per second (burst {_limits.PublishTickBurst}) for this publisher; nothing of this request was published; retry after {decision.RetryAfterSeconds} s.",
                decision);
    }

    /// <summary>The limits of a WebSocket connection opened by <paramref name="context"/>'s publisher.</summary>
    public StreamRateLimiter OpenStream(HttpContext context)
    {
        var partition = PublisherPartition.Of(context, _keys);
        return new StreamRateLimiter(_options, ticks => Take(partition, ticks), partition, _streamLogger);
    }

    public void Dispose() => _buckets.Dispose();

    private RateDecision Take(string partition, int ticks)
    {
        if (ticks > _limits.PublishTickBurst)
        {
            return new RateDecision(false, TimeSpan.MaxValue);
        }

        using var lease = _buckets.AttemptAcquire(partition, Math.Max(ticks, 0));
        return TokenBudget.Decide(lease);
    }
}
