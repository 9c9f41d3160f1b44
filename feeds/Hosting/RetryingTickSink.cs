using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Retries a failed publish a few times with a fixed pause (the host's silo may still be starting), then rethrows.
/// Cancellation is never retried.
/// </summary>
public sealed class RetryingTickSink(ITickSink inner, int attempts, TimeSpan pause, TimeProvider time, ILogger logger) : ITickSink
{
    public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await inner.PublishAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt < attempts && ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Publishing {Ticks} ticks failed (attempt {Attempt} of {Attempts}); retrying", batch.Length, attempt, attempts);
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
