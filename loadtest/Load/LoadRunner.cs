using System.Diagnostics;
using AltseasonLive.Feeds.Synthetic;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Runs one load test against one or several nodes: reads the universe (first node), connects the subscribers (tracked,
/// then idle) and the publishers, dealt round-robin over the nodes, publishes for warm-up + duration while reporting
/// progress every second, then summarises the measured period, in total and per node. With
/// <see cref="LoadSettings.SampleInterval"/> it also takes a <see cref="LoadSample"/> per interval (the soak). The numbers
/// are read at the end of the measured period, before publishers drain and connections close.
/// </summary>
public sealed class LoadRunner(LoadSettings settings)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    public async Task<LoadSummary> RunAsync(Action<LoadSnapshot>? progress, CancellationToken cancellationToken)
    {
        settings.Validate();
        var counters = new PublisherCounters();
        var latency = new LatencyRecorder();
        var nodes = settings.Urls
            .Select((url, i) => new LoadNode(url, settings.ServerPids.Count > 0 ? settings.ServerPids[i] : null, counters, latency))
            .ToList();
        var publishers = new List<Publisher>();
        try
        {
            var (start, publishable) = LoadStart.Choose(await nodes[0].Probe.GetAssetsAsync(cancellationToken), settings.Symbols, settings.Seed);
            for (var i = 0; i < settings.Subscribers; i++)
            {
                var node = nodes[i % nodes.Count];
                node.Tracked.Add(new Subscriber(node.Url, settings.Topics, node.Latency));
            }

            for (var i = 0; i < settings.IdleSubscribers; i++)
            {
                var node = nodes[i % nodes.Count];
                node.Idle.Add(new Subscriber(node.Url, settings.IdleTopics, null));
            }

            var failures = await Subscriber.ConnectAllAsync([.. nodes.SelectMany(n => n.Subscribers)], settings.ConnectConcurrency, cancellationToken);
            var streams = Enumerable.Range(0, settings.Publishers)
                .Select(i => new TickStream(start, publishable, settings.Seed, i, settings.Publishers))
                .Where(s => s.Symbols.Count > 0)
                .ToList();
            var perPublisher = settings.Rate / streams.Count;
            for (var i = 0; i < streams.Count; i++)
            {
                var node = nodes[i % nodes.Count];
                var publisher = CreatePublisher(node, streams[i], new RatePacer(perPublisher));
                publishers.Add(publisher);
                node.Publishers++;
                await publisher.ConnectAsync(cancellationToken);
            }

            using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var runs = publishers.Select(p => Task.Run(() => p.RunAsync(Drain, run.Token), CancellationToken.None)).ToList();

            var measured = await MonitorAsync(nodes, counters, latency, progress, cancellationToken);
            var statsEnd = await Task.WhenAll(nodes.Select(n => n.Probe.TryGetStatsAsync(CancellationToken.None)));
            await run.CancelAsync();
            await Task.WhenAll(runs);

            return Summarise(measured, latency, nodes, failures, publishable.Count, statsEnd);
        }
        finally
        {
            foreach (var publisher in publishers)
            {
                await publisher.DisposeAsync();
            }

            await Task.WhenAll(nodes.SelectMany(n => n.Subscribers).Select(s => s.DisposeAsync().AsTask()));
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private Publisher CreatePublisher(LoadNode node, TickStream stream, RatePacer pacer) =>
        settings.Transport == PublishTransport.Http
            ? new HttpPublisher(node.Http, settings.Key, stream, pacer, settings.Batch, settings.InFlight, node.Counters)
            : new WebSocketPublisher(node.Url, settings.Key, stream, pacer, settings.Batch, settings.InFlight, node.Counters);

    private async Task<MeasuredPeriod> MonitorAsync(
        IReadOnlyList<LoadNode> nodes,
        PublisherCounters counters,
        LatencyRecorder latency,
        Action<LoadSnapshot>? progress,
        CancellationToken ct)
    {
        var subscribers = nodes.SelectMany(n => n.Subscribers).ToList();
        var tracked = nodes.SelectMany(n => n.Tracked).ToList();
        var sampler = settings.SampleInterval is { } every
            ? new IntervalSampler(every, settings.Duration, latency, subscribers, nodes.Single().Probe)
            : null;
        var clock = Stopwatch.StartNew();
        var end = settings.Warmup + settings.Duration;
        var measuring = settings.Warmup == TimeSpan.Zero;
        if (measuring)
        {
            await StartMeasuringAsync(nodes, ct);
        }

        sampler?.Start();
        var baseline = counters.Read();
        var measureStart = TimeSpan.Zero;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var previous = baseline;
        var previousAt = TimeSpan.Zero;
        long previousUpdates = 0;
        LoadSnapshot? last = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (clock.Elapsed < end && await NextSecondAsync(timer, ct))
        {
            var now = clock.Elapsed;
            var totals = counters.Read();
            var updates = subscribers.Sum(s => s.Updates);
            var seconds = Math.Max(1e-3, (now - previousAt).TotalSeconds);
            var interval = totals - previous;
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
                subscribers.Count(s => !s.Dropped),
                subscribers.Count(s => s.Dropped),
                SampleMemory(nodes));
            if (sampler is not null && await sampler.TryTakeAsync(snapshot, CancellationToken.None) is { } sample)
            {
                snapshot = snapshot with { Sample = sample };
            }

            progress?.Invoke(snapshot);
            last = snapshot;
            previous = totals;
            previousAt = now;
            previousUpdates = updates;

            if (!measuring && now >= settings.Warmup)
            {
                measuring = true;
                baseline = counters.Read();
                measureStart = clock.Elapsed;
                ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
                latency.Reset();
                counters.AckLatency.Reset();
                foreach (var s in subscribers)
                {
                    s.ResetCounts();
                }

                previousUpdates = 0;
                await StartMeasuringAsync(nodes, ct);
            }
        }

        if (sampler is not null && last is not null)
        {
            await sampler.FinishAsync(last, CancellationToken.None);
        }

        var elapsed = clock.Elapsed - measureStart;
        foreach (var node in nodes)
        {
            node.EndMeasuring(elapsed);
        }

        var ownCores = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds / elapsed.TotalSeconds;
        return new MeasuredPeriod(
            nodes.Aggregate(default(PublisherTotals), (sum, n) => sum + n.MeasuredTotals),
            elapsed,
            ownCores,
            latency.Total(),
            counters.AckLatency.Total(),
            tracked.Select(s => s.Updates).Order().ToArray(),
            tracked.Count == 0 ? 0 : tracked.Average(s => (double)s.PriceUpdates),
            nodes.SelectMany(n => n.Idle).Sum(s => s.Updates),
            subscribers.Count(s => s.Dropped),
            sampler?.Samples ?? []);
    }

    private static Task StartMeasuringAsync(IReadOnlyList<LoadNode> nodes, CancellationToken ct) =>
        Task.WhenAll(nodes.Select(n => n.StartMeasuringAsync(ct)));

    /// <summary>Resident memory of the nodes whose process is known, added up (a process serving several nodes once); null when none is.</summary>
    private static long? SampleMemory(IReadOnlyList<LoadNode> nodes)
    {
        long? total = null;
        foreach (var node in nodes.DistinctBy(n => n.Pid))
        {
            if (node.SampleMemory() is { } bytes)
            {
                total = (total ?? 0) + bytes;
            }
        }

        return total;
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
        IReadOnlyList<LoadNode> nodes,
        int connectFailures,
        int publishableCount,
        IReadOnlyList<string?> statsEnd)
    {
        var t = measured.Totals;
        var seconds = Math.Max(1e-3, measured.Elapsed.TotalSeconds);
        var updates = measured.TrackedUpdatesSorted;
        var assetTopics = settings.Topics.Count(topic => topic.StartsWith("asset:", StringComparison.Ordinal));
        var expected = publishableCount == 0 ? 0 : (double)t.TicksSent / publishableCount * assetTopics;
        var received = measured.PriceUpdatesMean;
        var trackedCount = settings.Subscribers;
        var idleCount = settings.IdleSubscribers;

        return new LoadSummary
        {
            Urls = [.. settings.Urls.Select(u => u.ToString())],
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
            GeneratorCpuCores = Math.Round(measured.GeneratorCpuCores, 2),
            Nodes = [.. nodes.Select((n, i) => n.Summarise(statsEnd[i]))],
            Samples = measured.Samples,
        };
    }

    /// <summary>Everything read at the end of the measured period, before publishers drain and connections close.</summary>
    private sealed record MeasuredPeriod(
        PublisherTotals Totals,
        TimeSpan Elapsed,
        double GeneratorCpuCores,
        LatencySummary TickToClient,
        LatencySummary Ack,
        long[] TrackedUpdatesSorted,
        double PriceUpdatesMean,
        long IdleUpdates,
        int Dropped,
        IReadOnlyList<LoadSample> Samples);
}
