using AltseasonLive.Feeds.Replay;
using AltseasonLive.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>Replays the bundled history into the host's <see cref="ITickSink"/> once at start-up, when enabled.</summary>
public sealed class HistoryReplayService(
    ITickSink sink,
    BundledHistory history,
    IOptions<ReplayFeedOptions> options,
    ReplayCompletion completion,
    TimeProvider time,
    ILogger<HistoryReplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastDay = new LastReplayedDay();
        try
        {
            var o = options.Value;
            if (!o.Enabled)
            {
                return;
            }

            var pace = o.DayMilliseconds > 0 ? ReplayPace.DayEvery(TimeSpan.FromMilliseconds(o.DayMilliseconds))
                : o.SpeedMultiplier > 0 ? ReplayPace.RealTime(o.SpeedMultiplier)
                : ReplayPace.AsFastAsPossible;
            var replay = new HistoryReplay(history, new HistoryReplayOptions
            {
                From = o.From,
                To = o.To,
                Pace = pace,
                IncludeCoins = o.IncludeCoins,
            }, time);
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
            completion.MarkCompleted(lastDay.Date);
        }
    }

    /// <summary>Remembers the last day the replay published (reported synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class LastReplayedDay : IProgress<ReplayProgress>
    {
        public DateOnly? Date { get; private set; }

        public void Report(ReplayProgress value) => Date = value.Date;
    }
}
