using System.Text.Json;
using AltseasonLive.Feeds.Live.Connection;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Feeds.Live.Polling;

/// <summary>
/// Runs one polled source: a poll every <see cref="PollingOptions.PollInterval"/> (or later, when the poll says so,
/// e.g. outside market hours); on a 429 it waits the server's Retry-After (or the back-off when none), on other failures
/// a jittered exponential back-off capped at <see cref="PollingOptions.RetryCap"/>. Health follows every outcome.
/// </summary>
public sealed partial class PollingLoop(PollingOptions options, SourceHealth health, TimeProvider time, ILogger logger)
{
    /// <summary>Polls until cancelled. <paramref name="poll"/> publishes and returns the pause to the next poll (null: the interval).</summary>
    public async Task RunAsync(Func<CancellationToken, Task<TimeSpan?>> poll, CancellationToken cancellationToken)
    {
        var backoff = new ReconnectBackoff(options.RetryInitial, options.RetryCap);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                pause = await poll(timeout.Token).ConfigureAwait(false) ?? options.PollInterval;
                health.MessageReceived();
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RateLimitedException ex)
            {
                pause = ex.RetryAfter ?? backoff.Delay(failures++, Random.Shared.NextDouble());
                health.Reconnecting($"{ex.Message}; next poll in {pause.TotalSeconds:0.###} s");
                LogRateLimited(health.Name, (long)pause.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                pause = backoff.Delay(failures++, Random.Shared.NextDouble());
                var reason = ex is OperationCanceledException ? "request timed out" : ex.Message;
                if (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
                {
                    health.MalformedReceived();
                }

                health.Reconnecting(reason);
                LogPollFailed(health.Name, reason, (long)pause.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: rate limited (429); next poll in {DelayMs} ms")]
    private partial void LogRateLimited(string source, long delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source}: poll failed ({Reason}); retrying in {DelayMs} ms")]
    private partial void LogPollFailed(string source, string reason, long delayMs);
}
