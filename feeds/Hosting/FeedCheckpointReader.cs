using Microsoft.Extensions.Logging;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Reads an optional <see cref="IFeedCheckpoint"/> for the hosted feeds: retries while the host's market may still be
/// starting, and falls back to "no checkpoint" (start from the bundled history) when it stays unreadable.
/// </summary>
internal static class FeedCheckpointReader
{
    private const int Attempts = 5;

    public static async Task<FeedCheckpoint?> ReadAsync(IFeedCheckpoint? checkpoint, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (checkpoint is null)
        {
            return null;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await checkpoint.GetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == Attempts)
                {
                    logger.LogWarning(ex, "Feed checkpoint unreadable after {Attempts} attempts; starting from the bundled history", Attempts);
                    return null;
                }

                logger.LogWarning(ex, "Reading the feed checkpoint failed (attempt {Attempt} of {Attempts}); retrying", attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
