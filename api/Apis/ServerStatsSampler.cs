using System.Diagnostics;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Push;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Apis;

/// <summary>
/// Reads the server counters once a second so that <c>GET /api/stats</c> can report rates over a fixed interval, however
/// many clients poll it and how often. <see cref="Current"/> builds the document from live totals and the last interval.
/// </summary>
public sealed class ServerStatsSampler(
    IngestCounters ingest,
    PushCounters push,
    MarketFanOut fanOut,
    IOptions<MarketHubOptions> hubOptions,
    TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly long _startedAt = time.GetTimestamp();
    private Rates _last = new(0, 0, 0, 0, 0, 0, 0, new PushStageTimes(0, 0, 0, 0, 0, 0, 0, 0));
    private Sample? _previous;

    public ServerStats Current()
    {
        var last = Volatile.Read(ref _last);
        var (queued, queuedMax) = fanOut.OutboxBacklog();
        using var process = Process.GetCurrentProcess();
        return new ServerStats(
            time.GetUtcNow().ToUnixTimeMilliseconds(),
            Math.Round(time.GetElapsedTime(_startedAt).TotalSeconds, 1),
            last.Seconds,
            new TickStats(ingest.Received, ingest.Accepted, ingest.Rejected, ingest.Batches, last.Received, last.Accepted, last.Rejected),
            new HubStats(
                fanOut.ConnectionCount,
                push.SeriesOffered,
                push.SeriesCoalesced,
                push.SeriesFlushed,
                push.SeriesDropped,
                push.SeriesMessagesSent,
                push.EventsOffered,
                push.EventMessagesSent,
                push.MessagesSent,
                push.ClientsDropped,
                push.ClientDropReasons,
                queued,
                queuedMax,
                hubOptions.Value.ClientBufferCapacity,
                last.SeriesOffered,
                last.SeriesDropped,
                last.MessagesSent,
                push.EventsHeldBack,
                push.EventsRefetched,
                push.EventsOutOfOrder),
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
                var stages = push.TakeStageTimes();
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
                    stages,
                    Math.Round((now.CpuSeconds - _previous.CpuSeconds) / seconds, 2)));
                _previous = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private Sample Take()
    {
        using var process = Process.GetCurrentProcess();
        return new Sample(
            Stopwatch.GetTimestamp(),
            ingest.Received,
            ingest.Accepted,
            ingest.Rejected,
            push.SeriesOffered,
            push.SeriesDropped,
            push.MessagesSent,
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
        double CpuCores = 0);
}
