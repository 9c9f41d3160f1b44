using System.Globalization;
using AltseasonLive.Feeds.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// Decides the feed mode at start and runs the live sources. Off and Demo are decided at once. Live and Auto start every
/// enabled source behind a closed <see cref="GatedTickSink"/>; Auto runs the demo instead when no source sent a valid
/// message within <see cref="FeedModeOptions.AutoFallbackAfter"/> (and stops the sources, so live and simulated values
/// never mix). Once live, it waits for the history replay, backfills the days from the replay's last day to today, then
/// opens the gate.
/// </summary>
public sealed partial class FeedModeService(
    IOptions<FeedModeOptions> options,
    FeedModeDecision decision,
    IEnumerable<ILiveSource> sources,
    ReplayCompletion replay,
    BackfillStatus backfill,
    ITickSink sink,
    TimeProvider time,
    ILogger<FeedModeService> logger,
    ISimulationMarker? marker = null,
    IBackfillCache? cache = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var requested = options.Value.Mode;
        if (requested is FeedMode.Off or FeedMode.Demo)
        {
            foreach (var s in sources)
            {
                s.Health.Set(SourceState.Disabled, $"feed mode {requested}");
            }

            decision.Decide(requested, null);
            LogMode(requested, requested, "configured");
            return;
        }

        var enabled = sources.Where(s => s.Health.Current.State != SourceState.Disabled).ToArray();
        if (enabled.Length == 0 && requested == FeedMode.Auto)
        {
            DecideDemo("no live source is enabled");
            return;
        }

        var gate = new GatedTickSink(sink);
        using var liveStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var running = enabled.Select(s => RunSourceAsync(s, gate, liveStop.Token)).ToArray();
        if (requested == FeedMode.Auto)
        {
            var window = options.Value.AutoFallbackAfter;
            var reached = Task.WhenAny(enabled.Select(s => s.Health.Reached));
            var timeout = Task.Delay(window, time, stoppingToken);
            if (await Task.WhenAny(reached, timeout).ConfigureAwait(false) != reached)
            {
                await liveStop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(running).ConfigureAwait(false);
                foreach (var s in enabled)
                {
                    s.Health.Set(SourceState.Error, $"unreachable within {window.TotalSeconds:0.###} s at start; demo data shown until restart");
                }

                stoppingToken.ThrowIfCancellationRequested();
                DecideDemo($"no live source was reachable within {window.TotalSeconds:0.###} s of start");
                return;
            }
        }

        decision.Decide(FeedMode.Live, enabled.Length == 0 ? "no live source is enabled" : null);
        LogMode(requested, FeedMode.Live, string.Join(", ", enabled.Select(s => s.Name)));
        if (marker is not null)
        {
            await marker.MarkSimulatedFromAsync(null, stoppingToken).ConfigureAwait(false);
        }

        var lastDay = await replay.Completed.WaitAsync(stoppingToken).ConfigureAwait(false);
        await BackfillAsync(enabled, lastDay, stoppingToken).ConfigureAwait(false);
        gate.Open();
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private void DecideDemo(string reason)
    {
        decision.Decide(FeedMode.Demo, reason);
        LogDemoFallback(reason);
    }

    private async Task BackfillAsync(IReadOnlyList<ILiveSource> enabled, DateOnly? lastDay, CancellationToken stoppingToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = (lastDay ?? today.AddDays(-1)).AddDays(1);
        var reports = new List<BackfillReport>();
        if (from <= today)
        {
            foreach (var source in enabled)
            {
                var report = await BackfillSourceAsync(source, from, today, stoppingToken).ConfigureAwait(false);

                if (report.Error is null)
                {
                    LogBackfilled(report.Source, report.Ticks, report.Symbols, Day(report.From), Day(report.To), report.CachedTicks);
                }
                else
                {
                    LogBackfillFailed(report.Source, Day(report.From), Day(report.To), report.Error);
                }

                reports.Add(report);
            }
        }

        backfill.Completed(reports);
    }

    /// <summary>
    /// Publishes the cached closed days in range, fetches the days after the last cached one up to today, and caches the
    /// closed days it fetched.
    /// </summary>
    private async Task<BackfillReport> BackfillSourceAsync(ILiveSource source, DateOnly from, DateOnly today, CancellationToken stoppingToken)
    {
        var cached = cache is null ? [] : await cache.LoadAsync(source.Name, stoppingToken).ConfigureAwait(false);
        var inRange = cached.Where(t => DayOf(t.TimeMs) >= from && DayOf(t.TimeMs) < today).OrderBy(t => t.TimeMs).ToArray();
        var fetchFrom = inRange.Length > 0 ? DayOf(inRange[^1].TimeMs).AddDays(1) : from;
        if (inRange.Length > 0)
        {
            await sink.PublishAsync(inRange, stoppingToken).ConfigureAwait(false);
        }

        var recording = new RecordingTickSink(sink);
        BackfillReport report;
        try
        {
            report = await source.BackfillAsync(fetchFrom, today, recording, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            report = new BackfillReport(source.Name, fetchFrom, today, 0, 0, ex.Message);
        }

        var closed = recording.Ticks.Where(t => DayOf(t.TimeMs) < today).ToArray();
        if (cache is not null && closed.Length > 0)
        {
            await cache.SaveAsync(source.Name, [.. cached.Concat(closed).DistinctBy(t => (t.Symbol, DayOf(t.TimeMs))).OrderBy(t => t.TimeMs)], stoppingToken).ConfigureAwait(false);
        }

        return report with { From = from, CachedTicks = inRange.Length };
    }

    private static DateOnly DayOf(long timeMs) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime);

    private async Task RunSourceAsync(ILiveSource source, ITickSink gate, CancellationToken cancellationToken)
    {
        try
        {
            await source.RunAsync(gate, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            source.Health.Failed(ex.Message);
            LogSourceFailed(ex, source.Name);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed mode {Mode} (requested {Requested}): {Detail}")]
    private partial void LogMode(FeedMode requested, FeedMode mode, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed mode Demo: {Reason}. The dashboard shows SIMULATED data, labelled as demo, until a restart")]
    private partial void LogDemoFallback(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilled {Ticks} daily closes of {Symbols} symbols from {Source}, {From} to {To} ({Cached} more from the cache)")]
    private partial void LogBackfilled(string source, int ticks, int symbols, string from, string to, int cached);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill from {Source} for {From} to {To} failed: {Error}")]
    private partial void LogBackfillFailed(string source, string from, string to, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live source {Source} failed and stopped")]
    private partial void LogSourceFailed(Exception ex, string source);
}
