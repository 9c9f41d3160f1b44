using System.Threading.RateLimiting;
using AltseasonLive.Api.Ingestion;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// ASP.NET Core rate-limiter policy of the <c>/api/ticks</c> endpoints: a token bucket of requests per publisher
/// (<see cref="PublisherPartition"/>). Refused requests get 429 with <c>Retry-After</c> before their body is read.
/// </summary>
public sealed class PublishRateLimitPolicy(IngestionKeyStore keys, IOptions<LimitsOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "publish";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
    {
        var limits = options.Value;
        var decision = TokenBudget.Decide(rejected.Lease);
        var problem = RateLimitProblem.Create(
            rejected.HttpContext,
            RateLimitReason.RequestRate,
            $"More than {limits.PublishRequestsPerSecond} requests per second (burst {limits.PublishRequestBurst}) for this publisher; retry after {decision.RetryAfterSeconds} s.",
            decision);
        await problem.ExecuteAsync(rejected.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var limits = options.Value;
        return RateLimitPartition.GetTokenBucketLimiter(
            PublisherPartition.Of(httpContext, keys),
            _ => TokenBudget.Options(limits.PublishRequestsPerSecond, limits.PublishRequestBurst, autoReplenishment: true));
    }
}
