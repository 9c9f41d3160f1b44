using System.Globalization;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Replays the bundled history into the host's <see cref="ITickSink"/> once at start-up, when enabled and the feed mode
/// is not Off (the history is real data, so Live, Auto and Demo all start with it). With an
/// <see cref="IFeedCheckpoint"/> registered it replays only the days on or after the checkpoint's day (the market already
/// holds the earlier ones) and reports the checkpoint's day as the last day when it is later than the last replayed day.
/// </summary>
public sealed class HistoryReplayService(
    ITickSink sink,
    BundledHistory history,
    IOptions<ReplayFeedOptions> options,
    ReplayCompletion completion,
    TimeProvider time,
    ILogger<HistoryReplayService> logger,
    FeedModeDecision? mode = null,
    IFeedCheckpoint? checkpoint = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastDay = new LastReplayedDay();
        DateOnly? heldDay = null;
        try
        {
            var o = options.Value;
            if (!o.Enabled || mode?.Requested == FeedMode.Off)
            {
                return;
            }

            var held = await FeedCheckpointReader.ReadAsync(checkpoint, time, logger, stoppingToken).ConfigureAwait(false);
            heldDay = held?.Day;
            var from = o.From;
            if (heldDay is { } day && day > (from ?? HistoryReplayOptions.DefaultFrom))
            {
                from = day;
            }

            var pace = o.DayInterval > TimeSpan.Zero ? ReplayPace.DayEvery(o.DayInterval)
                : o.SpeedMultiplier > 0 ? ReplayPace.RealTime(o.SpeedMultiplier)
                : ReplayPace.AsFastAsPossible;
            var replay = new HistoryReplay(history, new HistoryReplayOptions
            {
                From = from,
                To = o.To,
                Pace = pace,
                IncludeCoins = o.IncludeCoins,
            }, time);
            if (heldDay is { } loaded)
            {
                if (replay.Days.Count == 0)
                {
                    logger.LogInformation("History already loaded up to {HeldDay}; skipping replay", Format(loaded));
                    return;
                }

                logger.LogInformation("History already loaded up to {HeldDay}; replaying from {From}", Format(loaded), Format(replay.Days[0].Date));
            }

            logger.LogInformation("Replaying {Days} days of history ({Pace})", replay.Days.Count, pace);
            var retrying = new RetryingTickSink(sink, 5, TimeSpan.FromSeconds(1), time, logger);
            var ticks = await replay.RunAsync(retrying, lastDay, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Replayed {Ticks} ticks over {Days} days", ticks, replay.Days.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("History replay stopped with the host");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "History replay failed; the synthetic feed continues without it");
        }
        finally
        {
            completion.MarkCompleted(Later(lastDay.Date, heldDay));
        }
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Remembers the last day the replay published (reported synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class LastReplayedDay : IProgress<ReplayProgress>
    {
        public DateOnly? Date { get; private set; }

        public void Report(ReplayProgress value) => Date = value.Date;
    }
}
