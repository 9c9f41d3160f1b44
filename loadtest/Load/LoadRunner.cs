using System.Diagnostics;
using AltseasonLive.Feeds.Synthetic;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Runs one load test: reads the server's universe, connects the subscribers (tracked, then idle), connects the
/// publishers, publishes for warm-up + duration while reporting progress every second, then summarises the measured
/// period. The numbers are read at the end of the measured period, before publishers drain and connections close.
/// </summary>
public sealed class LoadRunner(LoadSettings settings)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    public async Task<LoadSummary> RunAsync(Action<LoadSnapshot>? progress, CancellationToken cancellationToken)
    {
        settings.Validate();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 })
        {
            BaseAddress = settings.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var probe = new ServerProbe(http, settings.ServerPid);
        var (start, publishable) = LoadStart.Choose(await probe.GetAssetsAsync(cancellationToken), settings.Symbols, settings.Seed);

        var latency = new LatencyRecorder();
        var tracked = Enumerable.Range(0, settings.Subscribers).Select(_ => new Subscriber(settings.Url, settings.Topics, latency)).ToList();
        var idle = Enumerable.Range(0, settings.IdleSubscribers).Select(_ => new Subscriber(settings.Url, settings.IdleTopics, null)).ToList();
        var counters = new PublisherCounters();
        var publishers = new List<Publisher>();
        try
        {
            var failures = await Subscriber.ConnectAllAsync(tracked.Concat(idle).ToList(), settings.ConnectConcurrency, cancellationToken);
            var streams = Enumerable.Range(0, settings.Publishers)
                .Select(i => new TickStream(start, publishable, settings.Seed, i, settings.Publishers))
                .Where(s => s.Symbols.Count > 0)
                .ToList();
            var perPublisher = settings.Rate / streams.Count;
            foreach (var stream in streams)
            {
                var publisher = CreatePublisher(http, stream, new RatePacer(perPublisher), counters);
                publishers.Add(publisher);
                await publisher.ConnectAsync(cancellationToken);
            }

            var memory = new MemoryTrack(probe.ReadResidentBytes());
            using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var runs = publishers.Select(p => Task.Run(() => p.RunAsync(Drain, run.Token), CancellationToken.None)).ToList();

            var measured = await MonitorAsync(counters, latency, tracked, idle, probe, memory, progress, cancellationToken);
            var statsEnd = await probe.TryGetStatsAsync(CancellationToken.None);
            await run.CancelAsync();
            await Task.WhenAll(runs);

            return Summarise(measured, latency, tracked.Count, idle.Count, failures, publishable.Count, probe, measured.StatsAtStart, statsEnd, memory);
        }
        finally
        {
            foreach (var publisher in publishers)
            {
                await publisher.DisposeAsync();
            }

            await Task.WhenAll(tracked.Concat(idle).Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private Publisher CreatePublisher(HttpClient http, TickStream stream, RatePacer pacer, PublisherCounters counters) =>
        settings.Transport == PublishTransport.Http
            ? new HttpPublisher(http, settings.Key, stream, pacer, settings.Batch, settings.InFlight, counters)
            : new WebSocketPublisher(settings.Url, settings.Key, stream, pacer, settings.Batch, settings.InFlight, counters);

    private async Task<MeasuredPeriod> MonitorAsync(
        PublisherCounters counters,
        LatencyRecorder latency,
        IReadOnlyList<Subscriber> tracked,
        IReadOnlyList<Subscriber> idle,
        ServerProbe probe,
        MemoryTrack memory,
        Action<LoadSnapshot>? progress,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var end = settings.Warmup + settings.Duration;
        var measuring = settings.Warmup == TimeSpan.Zero;
        var statsAtStart = measuring ? await probe.TryGetStatsAsync(ct) : null;
        var baseline = counters.Read();
        var measureStart = TimeSpan.Zero;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var serverCpu = probe.ReadCpuTime();
        var previous = baseline;
        var previousAt = TimeSpan.Zero;
        long previousUpdates = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (clock.Elapsed < end && await NextSecondAsync(timer, ct))
        {
            var now = clock.Elapsed;
            var totals = counters.Read();
            var updates = tracked.Sum(s => s.Updates) + idle.Sum(s => s.Updates);
            var seconds = Math.Max(1e-3, (now - previousAt).TotalSeconds);
            var interval = totals - previous;
            var rss = probe.ReadResidentBytes();
            memory.Sample(rss);
            var snapshot = new LoadSnapshot(
                now,
                measuring,
                interval.TicksSent / seconds,
                interval.TicksAccepted / seconds,
                (totals - baseline).TicksSent,
                (totals - baseline).TicksAccepted,
                (totals - baseline).TicksRejected,
                (totals - baseline).Errors,
                latency.TakeInterval(),
                counters.AckLatency.TakeInterval(),
                Math.Max(0, updates - previousUpdates) / seconds,
                tracked.Count(s => !s.Dropped) + idle.Count(s => !s.Dropped),
                tracked.Count(s => s.Dropped) + idle.Count(s => s.Dropped),
                rss);
            progress?.Invoke(snapshot);
            previous = totals;
            previousAt = now;
            previousUpdates = updates;

            if (!measuring && now >= settings.Warmup)
            {
                measuring = true;
                baseline = counters.Read();
                measureStart = clock.Elapsed;
                ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
                serverCpu = probe.ReadCpuTime();
                latency.Reset();
                counters.AckLatency.Reset();
                foreach (var s in tracked.Concat(idle))
                {
                    s.ResetCounts();
                }

                previousUpdates = 0;
                memory.Restart(rss);
                statsAtStart = await probe.TryGetStatsAsync(ct);
            }
        }

        var final = counters.Read();
        var elapsed = clock.Elapsed - measureStart;
        var ownCores = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds / elapsed.TotalSeconds;
        double? serverCores = probe.ReadCpuTime() is { } serverEnd && serverCpu is { } serverStart
            ? (serverEnd - serverStart).TotalSeconds / elapsed.TotalSeconds
            : null;
        return new MeasuredPeriod(
            final - baseline,
            elapsed,
            ownCores,
            serverCores,
            latency.Total(),
            counters.AckLatency.Total(),
            tracked.Select(s => s.Updates).Order().ToArray(),
            tracked.Count == 0 ? 0 : tracked.Average(s => (double)s.PriceUpdates),
            idle.Sum(s => s.Updates),
            tracked.Count(s => s.Dropped) + idle.Count(s => s.Dropped),
            statsAtStart);
    }

    /// <summary>False when the run is cancelled (Ctrl+C): the run ends early and is still summarised.</summary>
    private static async Task<bool> NextSecondAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private LoadSummary Summarise(
        MeasuredPeriod measured,
        LatencyRecorder latency,
        int trackedCount,
        int idleCount,
        int connectFailures,
        int publishableCount,
        ServerProbe probe,
        string? statsStart,
        string? statsEnd,
        MemoryTrack memory)
    {
        var t = measured.Totals;
        var seconds = Math.Max(1e-3, measured.Elapsed.TotalSeconds);
        var updates = measured.TrackedUpdatesSorted;
        var assetTopics = settings.Topics.Count(topic => topic.StartsWith("asset:", StringComparison.Ordinal));
        var expected = publishableCount == 0 ? 0 : (double)t.TicksSent / publishableCount * assetTopics;
        var received = measured.PriceUpdatesMean;
        static double? MiB(long? bytes) => bytes is { } b ? Math.Round(b / 1048576.0, 1) : null;

        return new LoadSummary
        {
            Url = settings.Url.ToString(),
            Transport = settings.Transport.ToString(),
            Publishers = settings.Publishers,
            TargetRate = settings.Rate,
            Batch = settings.Batch,
            Symbols = publishableCount,
            Seed = settings.Seed,
            Topics = settings.Topics,
            WarmupSeconds = settings.Warmup.TotalSeconds,
            MeasuredSeconds = Math.Round(seconds, 3),
            TicksSent = t.TicksSent,
            TicksAcknowledged = t.TicksAcked,
            TicksAccepted = t.TicksAccepted,
            TicksRejected = t.TicksRejected,
            BatchesSent = t.FramesSent,
            BatchesAcknowledged = t.FramesAcked,
            PublishErrors = t.Errors,
            SentPerSecond = Math.Round(t.TicksSent / seconds, 1),
            AcceptedPerSecond = Math.Round(t.TicksAccepted / seconds, 1),
            AckLatency = measured.Ack,
            TickToClientLatency = measured.TickToClient,
            LatencyOutOfRange = latency.OutOfRange,
            Subscribers = new SubscriberSummary(
                trackedCount,
                idleCount,
                trackedCount + idleCount - connectFailures - measured.Dropped,
                connectFailures,
                measured.Dropped,
                updates.Length == 0 ? 0 : updates[0],
                updates.Length == 0 ? 0 : updates[updates.Length / 2],
                updates.Length == 0 ? 0 : updates[^1],
                updates.Sum(),
                measured.IdleUpdates,
                Math.Round(expected, 1),
                Math.Round(received, 1),
                expected > 0 ? Math.Round(Math.Clamp(1 - (received / expected), 0, 1), 4) : 0),
            Server = new ServerSummary(
                probe.StatsAvailable && statsEnd is not null,
                statsStart,
                statsEnd,
                MiB(memory.Start),
                MiB(memory.Peak),
                MiB(memory.Last),
                measured.ServerCpuCores is { } cores ? Math.Round(cores, 2) : null),
            GeneratorCpuCores = Math.Round(measured.GeneratorCpuCores, 2),
            ServerMeasured = ServerMeasured.Between(ServerCounters.TryParse(statsStart), ServerCounters.TryParse(statsEnd)),
        };
    }

    /// <summary>Everything read at the end of the measured period, before publishers drain and connections close.</summary>
    private sealed record MeasuredPeriod(
        PublisherTotals Totals,
        TimeSpan Elapsed,
        double GeneratorCpuCores,
        double? ServerCpuCores,
        LatencySummary TickToClient,
        LatencySummary Ack,
        long[] TrackedUpdatesSorted,
        double PriceUpdatesMean,
        long IdleUpdates,
        int Dropped,
        string? StatsAtStart);

    /// <summary>Server resident memory over the measured period (bytes).</summary>
    private sealed class MemoryTrack(long? start)
    {
        public long? Start { get; private set; } = start;

        public long? Peak { get; private set; } = start;

        public long? Last { get; private set; } = start;

        public void Sample(long? bytes)
        {
            if (bytes is { } b)
            {
                Last = b;
                Peak = Peak is { } p ? Math.Max(p, b) : b;
            }
        }

        public void Restart(long? bytes)
        {
            Start = bytes;
            Peak = bytes;
            Last = bytes;
        }
    }
}
