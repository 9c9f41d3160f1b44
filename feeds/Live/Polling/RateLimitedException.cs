namespace AltseasonLive.Feeds.Live.Polling;

/// <summary>The server answered 429; <see cref="RetryAfter"/> is its Retry-After (null when it sent none).</summary>
public sealed class RateLimitedException(TimeSpan? retryAfter)
    : Exception(retryAfter is { } wait ? $"rate limited (429), Retry-After {wait.TotalSeconds:0.###} s" : "rate limited (429)")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Throws for a 429, with the response's Retry-After (seconds or an HTTP date).</summary>
    public static void ThrowIfRateLimited(HttpResponseMessage response, TimeProvider time)
    {
        if ((int)response.StatusCode != 429)
        {
            return;
        }

        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        throw new RateLimitedException(wait is { } w && w > TimeSpan.Zero ? w : null);
    }
}
