using Microsoft.AspNetCore.Http.HttpResults;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// The 429 reply of the ingestion endpoints, in the same problem+json shape as their other refusals, with a
/// <c>Retry-After</c> header (seconds) and <c>reason</c> / <c>retryAfterSeconds</c> members.
/// </summary>
public static class RateLimitProblem
{
    public const string Title = "Rate limit exceeded";

    public static ProblemHttpResult Create(HttpContext context, string reason, string detail, RateDecision decision)
    {
        var seconds = decision.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status429TooManyRequests,
            title: Title,
            extensions: new Dictionary<string, object?> { ["reason"] = reason, ["retryAfterSeconds"] = seconds });
    }
}
