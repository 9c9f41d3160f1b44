using System.Buffers;
using System.Globalization;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Publishes the synthetic live continuation to the host's <see cref="ITickSink"/>, after the replay when enabled: in
/// simulated days from the day after the last replayed day (the last bundled day when nothing was replayed) until it
/// reaches the wall clock, or on the wall clock from the start (see <see cref="SyntheticClock"/>). With an
/// <see cref="IFeedCheckpoint"/> later than that day (a restart), it continues from the day after the checkpoint's day
/// and from the checkpoint's last prices. It runs only when the feed mode in effect is Demo (see <see cref="FeedModeDecision"/>).
/// A failed batch is dropped and logged (live data moves on); the feed keeps running.
/// </summary>
public sealed class SyntheticFeedService(
    ITickSink sink,
    BundledHistory history,
    IOptions<SyntheticFeedServiceOptions> options,
    ReplayCompletion completion,
    TimeProvider time,
    ILogger<SyntheticFeedService> logger,
    FeedModeDecision? mode = null,
    IFeedCheckpoint? checkpoint = null,
    ISimulationMarker? marker = null) : BackgroundService
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
            if (mode is not null && (await mode.Decided.WaitAsync(stoppingToken).ConfigureAwait(false)).Mode != FeedMode.Demo)
            {
                return;
            }

            var lastReplayed = await completion.Completed.WaitAsync(stoppingToken).ConfigureAwait(false);
            var lastDay = lastReplayed ?? HistoryReplay.DefaultSeries.Max(s => history.Series(s).LastDate);
            var start = SyntheticStart.FromHistory(history, o.Coins);
            var held = await FeedCheckpointReader.ReadAsync(checkpoint, time, logger, stoppingToken).ConfigureAwait(false);
            if (held is not null && held.Day >= lastDay)
            {
                lastDay = held.Day;
                start = start.ResumedAt(held.LastPrices);
                logger.LogInformation(
                    "Synthetic feed resumes after {HeldDay} from the held prices of {Symbols} symbols",
                    held.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    held.LastPrices.Count);
            }

            var feed = new SyntheticFeed(o.Model, start);
            var liveInterval = TimeSpan.FromSeconds(Math.Max(0.01, feed.TicksPerStep / o.TicksPerSecond));
            var continuation = o.Clock == SyntheticClock.Simulated ? StartContinuation(feed, lastDay, o) : null;
            var interval = continuation is null
                ? liveInterval
                : TimeSpan.FromMilliseconds(Math.Max(1, o.DayInterval.TotalMilliseconds / continuation.TicksPerDay));
            if (continuation is null)
            {
                logger.LogInformation("Synthetic feed started on the wall clock: {TicksPerStep} ticks every {IntervalMs} ms", feed.TicksPerStep, liveInterval.TotalMilliseconds);
            }

            if (marker is not null)
            {
                var fromMs = continuation is null ? time.GetUtcNow().ToUnixTimeMilliseconds() : ReplayDay.TimeMsOf(continuation.FirstDay);
                await marker.MarkSimulatedFromAsync(fromMs, stoppingToken).ConfigureAwait(false);
            }

            await RunAsync(feed, continuation, interval, liveInterval, stoppingToken).ConfigureAwait(false);
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

    private SyntheticContinuation StartContinuation(SyntheticFeed feed, DateOnly lastDay, SyntheticFeedServiceOptions o)
    {
        var continuation = new SyntheticContinuation(feed, lastDay.AddDays(1), o.EffectiveTicksPerDay(feed.TicksPerStep), o.LiveTimeScale);
        var catchUp = continuation.CatchUpTime(time.GetUtcNow().ToUnixTimeMilliseconds(), o.DayInterval);
        logger.LogInformation(
            "Synthetic continuation from {From}, one simulated day every {DayInterval}, catching up with the wall clock in ~{Minutes} minutes",
            continuation.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            o.DayInterval,
            Math.Round(catchUp.TotalMinutes, 1));
        logger.LogInformation("Synthetic feed: {TicksPerDay} steps of {TicksPerStep} ticks per simulated day", continuation.TicksPerDay, feed.TicksPerStep);
        return continuation;
    }

    private async Task RunAsync(SyntheticFeed feed, SyntheticContinuation? continuation, TimeSpan interval, TimeSpan liveInterval, CancellationToken stoppingToken)
    {
        var buffer = ArrayPool<Tick>.Shared.Rent(feed.TicksPerStep);
        long failures = 0;
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
                int n;
                if (continuation is null)
                {
                    n = feed.Fill(buffer, nowMs);
                }
                else
                {
                    var wasCaughtUp = continuation.CaughtUp;
                    n = continuation.Fill(buffer, nowMs);
                    if (!wasCaughtUp && continuation.CaughtUp)
                    {
                        timer.Period = liveInterval;
                        logger.LogInformation(
                            "Synthetic continuation caught up with the wall clock on {Day}; now {TicksPerStep} ticks every {IntervalMs} ms on the wall clock",
                            continuation.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            feed.TicksPerStep,
                            liveInterval.TotalMilliseconds);
                    }
                }

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
}
