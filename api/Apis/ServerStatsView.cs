using System.Diagnostics;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Telemetry;
using AltseasonLive.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Apis;

/// <summary>
/// <c>GET /api/stats</c> as a view of the product's instruments (<see cref="MetricsView"/>): totals since start, and once
/// a second the rates and stage times over the last interval, so that the rates are over a fixed interval however many
/// clients poll and how often. Process figures (GC, working set, CPU) come from the runtime directly.
/// </summary>
public sealed class ServerStatsView(
    MetricsView metrics,
    MarketFanOut fanOut,
    IOptions<MarketHubOptions> hubOptions,
    TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly long _startedAt = time.GetTimestamp();
    private Rates _last = new(0, 0, 0, 0, 0, 0, 0, new PushStageTimes(0, 0, 0, 0, 0, 0, 0, 0), 0);
    private Sample? _previous;

    public ServerStats Current()
    {
        var last = Volatile.Read(ref _last);
        var (queued, queuedMax) = fanOut.OutboxBacklog();
        var sentByMethod = metrics.TotalsByTag(PushCounters.MessagesSentName);
        using var process = Process.GetCurrentProcess();
        return new ServerStats(
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            Math.Round(time.GetElapsedTime(_startedAt).TotalSeconds, 1),
            last.Seconds,
            new TickStats(
                metrics.Total(IngestMetrics.ReceivedName),
                metrics.Total(IngestMetrics.AcceptedName),
                metrics.Total(IngestMetrics.RejectedName),
                metrics.Total(IngestMetrics.BatchesName),
                last.Received,
                last.Accepted,
                last.Rejected),
            new HubStats(
                fanOut.ConnectionCount,
                metrics.Total(PushCounters.SeriesOfferedName),
                metrics.Total(PushCounters.SeriesCoalescedName),
                metrics.Total(PushCounters.SeriesFlushedName),
                metrics.Total(PushCounters.SeriesDroppedName),
                sentByMethod.GetValueOrDefault(HubMethods.Series),
                metrics.Total(PushCounters.EventsOfferedName),
                sentByMethod.GetValueOrDefault(HubMethods.Events),
                metrics.Total(PushCounters.MessagesSentName),
                metrics.Total(PushCounters.ClientsDroppedName),
                metrics.TotalsByTag(PushCounters.ClientsDroppedName),
                queued,
                queuedMax,
                hubOptions.Value.ClientBufferCapacity,
                last.SeriesOffered,
                last.SeriesDropped,
                last.MessagesSent,
                metrics.Total(PushCounters.EventsHeldBackName),
                metrics.Total(PushCounters.EventsRefetchedName),
                metrics.Total(PushCounters.EventsOutOfOrderName)),
            new GrainStats(
                metrics.Total(GrainMetrics.TicksAppliedName),
                metrics.Total(GrainMetrics.TicksRefusedName),
                metrics.Total(GrainMetrics.BarsClosedName),
                metrics.Total(GrainMetrics.EventsLoggedName)),
            last.Stages,
            new ProcessStats(
                GC.GetGCMemoryInfo().HeapSizeBytes,
                Environment.WorkingSet,
                GC.GetTotalAllocatedBytes(),
                GC.CollectionCount(0),
                GC.CollectionCount(1),
                GC.CollectionCount(2),
                Math.Round(process.TotalProcessorTime.TotalSeconds, 2),
                last.CpuCores,
                Environment.ProcessorCount));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        _previous = Take();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = Take();
                var seconds = Math.Max(1e-3, (now.At - _previous.At) / (double)Stopwatch.Frequency);
                double Rate(long a, long b) => Math.Round((a - b) / seconds, 1);
                Volatile.Write(ref _last, new Rates(
                    Math.Round(seconds, 3),
                    Rate(now.Received, _previous.Received),
                    Rate(now.Accepted, _previous.Accepted),
                    Rate(now.Rejected, _previous.Rejected),
                    Rate(now.SeriesOffered, _previous.SeriesOffered),
                    Rate(now.SeriesDropped, _previous.SeriesDropped),
                    Rate(now.MessagesSent, _previous.MessagesSent),
                    TakeStageTimes(),
                    Math.Round((now.CpuSeconds - _previous.CpuSeconds) / seconds, 2)));
                _previous = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private PushStageTimes TakeStageTimes()
    {
        var arrival = metrics.TakeWindow(PushCounters.ArrivalAgeName);
        var flush = metrics.TakeWindow(PushCounters.FlushAgeName);
        var delivered = metrics.TakeWindow(PushCounters.FlushToWrittenName);
        var write = metrics.TakeWindow(PushCounters.WriteDurationName);
        return new PushStageTimes(
            Math.Round(arrival.Mean, 1),
            (long)Math.Round(arrival.Max),
            Math.Round(flush.Mean, 1),
            (long)Math.Round(flush.Max),
            Math.Round(delivered.Mean, 3),
            Math.Round(delivered.Max, 3),
            Math.Round(write.Mean, 3),
            Math.Round(write.Max, 3));
    }

    private Sample Take()
    {
        using var process = Process.GetCurrentProcess();
        return new Sample(
            Stopwatch.GetTimestamp(),
            metrics.Total(IngestMetrics.ReceivedName),
            metrics.Total(IngestMetrics.AcceptedName),
            metrics.Total(IngestMetrics.RejectedName),
            metrics.Total(PushCounters.SeriesOfferedName),
            metrics.Total(PushCounters.SeriesDroppedName),
            metrics.Total(PushCounters.MessagesSentName),
            process.TotalProcessorTime.TotalSeconds);
    }

    private sealed record Sample(
        long At, long Received, long Accepted, long Rejected, long SeriesOffered, long SeriesDropped, long MessagesSent, double CpuSeconds);

    private sealed record Rates(
        double Seconds,
        double Received,
        double Accepted,
        double Rejected,
        double SeriesOffered,
        double SeriesDropped,
        double MessagesSent,
        PushStageTimes Stages,
        double CpuCores);
}
