using System.Buffers;
using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Publishes the synthetic live continuation to the host's <see cref="ITickSink"/>, after the replay when enabled. A failed
/// batch is dropped and logged (live data moves on); the feed keeps running.
/// </summary>
public sealed class SyntheticFeedService(
    ITickSink sink,
    BundledHistory history,
    IOptions<SyntheticFeedServiceOptions> options,
    ReplayCompletion completion,
    TimeProvider time,
    ILogger<SyntheticFeedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return;
        }

        try
        {
            await completion.Completed.WaitAsync(stoppingToken).ConfigureAwait(false);
            var feed = new SyntheticFeed(o.Model, SyntheticStart.FromHistory(history, o.Coins));
            var ticksPerSecond = o.TicksPerSecond > 0 ? o.TicksPerSecond : 50;
            var interval = TimeSpan.FromSeconds(Math.Max(0.01, feed.TicksPerStep / ticksPerSecond));
            logger.LogInformation("Synthetic feed started: {TicksPerStep} ticks every {IntervalMs} ms", feed.TicksPerStep, interval.TotalMilliseconds);
            var buffer = ArrayPool<Tick>.Shared.Rent(feed.TicksPerStep);
            long failures = 0;
            try
            {
                using var timer = new PeriodicTimer(interval, time);
                while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                {
                    var n = feed.Fill(buffer, time.GetUtcNow().ToUnixTimeMilliseconds());
                    try
                    {
                        await sink.PublishAsync(buffer.AsMemory(0, n), stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failures++;
                        if (failures == 1 || failures % 100 == 0)
                        {
                            logger.LogWarning(ex, "Synthetic batch dropped; {Failures} failures so far", failures);
                        }
                    }
                }
            }
            finally
            {
                ArrayPool<Tick>.Shared.Return(buffer, clearArray: true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Synthetic feed stopped with the host");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Synthetic feed failed and stopped");
        }
    }
}
