using AltseasonLive.Api.Hubs;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The one timer of the browser push path. Flushes <see cref="MarketFanOut"/> as soon as something is published and
/// then at most every 1/<see cref="MarketHubOptions.MaxUpdatesPerSecond"/> s, so a series value waits at most that long
/// (and an isolated one not at all); while events wait for an earlier sequence it also comes back after
/// <see cref="MarketHubOptions.EventGapHold"/> so that the gap is read from the log. Once a second it cuts off
/// connections whose write has been stuck longer than <see cref="MarketHubOptions.SendTimeout"/>, and asks the
/// event log for anything newer than the last released event.
/// </summary>
public sealed partial class PushFlushService(
    MarketFanOut fanOut,
    IOptions<MarketHubOptions> options,
    TimeProvider time,
    ILogger<PushFlushService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(FlushLoopAsync(stoppingToken), WatchdogLoopAsync(stoppingToken));

    private async Task FlushLoopAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(1.0 / options.Value.MaxUpdatesPerSecond);
        try
        {
            while (await WaitAsync(ct))
            {
                var started = time.GetTimestamp();
                try
                {
                    fanOut.Flush();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFlushFailed(ex);
                }

                var rest = interval - time.GetElapsedTime(started);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, time, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> WaitAsync(CancellationToken ct)
    {
        if (!fanOut.HoldsEvents)
        {
            return await fanOut.WaitForPublishAsync(ct);
        }

        using var hold = CancellationTokenSource.CreateLinkedTokenSource(ct);
        hold.CancelAfter(options.Value.EventGapHold);
        try
        {
            return await fanOut.WaitForPublishAsync(hold.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task WatchdogLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                fanOut.AbortStalled();
                fanOut.CheckEventTail();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Flushing hub updates failed")]
    private partial void LogFlushFailed(Exception exception);
}
