using System.Threading.Channels;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// Runs a soak: connects its own tracked SignalR subscribers (so that tick-to-client latency can be drained per sample
/// interval), then drives the publishers through <see cref="LoadRunner"/> for the whole duration with no warm-up, and
/// takes a <see cref="SoakSample"/> from the runner's once-a-second progress whenever a sample interval has passed and
/// at the end. The verdict is judged on the samples (<see cref="SoakVerdict.Judge"/>).
/// </summary>
public sealed class SoakRunner(SoakSettings settings)
{
    /// <summary>The runner reports about once a second, a little early or late: a report this close to a sample time takes the sample.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(500);

    public async Task<SoakReport> RunAsync(Action<SoakProgress>? progress, CancellationToken cancellationToken)
    {
        settings.Validate();
        var load = settings.Load;
        var startedUtc = DateTimeOffset.UtcNow;
        using var http = new HttpClient { BaseAddress = load.Url, Timeout = TimeSpan.FromSeconds(10) };
        var probe = new ServerProbe(http, load.ServerPid);
        await probe.GetAssetsAsync(cancellationToken);

        var latency = new LatencyRecorder();
        var subscribers = Enumerable.Range(0, load.Subscribers).Select(_ => new Subscriber(load.Url, load.Topics, latency)).ToList();
        try
        {
            var connectFailures = await Subscriber.ConnectAllAsync(subscribers, load.ConnectConcurrency, cancellationToken);
            var sampler = new SoakSampler(latency, subscribers, probe);
            var snapshots = Channel.CreateUnbounded<LoadSnapshot>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var publishersOnly = load with { Subscribers = 0, IdleSubscribers = 0, Warmup = TimeSpan.Zero };
            sampler.Start();
            var loadRun = RunLoadAsync(new LoadRunner(publishersOnly), snapshots.Writer, cancellationToken);

            var samples = new List<SoakSample>();
            var next = settings.SampleInterval;
            LoadSnapshot? last = null;
            LatencySummary? wholeRun = null;
            var closed = false;
            await foreach (var snapshot in snapshots.Reader.ReadAllAsync(CancellationToken.None))
            {
                last = snapshot;
                var final = snapshot.Elapsed >= load.Duration - Tolerance;
                if (!closed && (snapshot.Elapsed >= next - Tolerance || final))
                {
                    samples.Add(await sampler.TakeAsync(snapshot, CancellationToken.None));
                    if (final)
                    {
                        // Closed with the last sample: a report after it and updates during the drain are not counted.
                        wholeRun = latency.Total();
                        closed = true;
                    }

                    while (next - Tolerance <= snapshot.Elapsed)
                    {
                        next += settings.SampleInterval;
                    }
                }

                progress?.Invoke(new SoakProgress(snapshot, load.Duration, samples));
            }

            var summary = await loadRun;
            if (!closed && last is not null && last.Elapsed - sampler.LastElapsed >= settings.SampleInterval / 2)
            {
                // Ended early (Ctrl+C): the partial interval counts when it is at least half an interval long.
                samples.Add(await sampler.TakeAsync(last, CancellationToken.None));
                wholeRun = latency.Total();
            }

            var errors = new SoakErrors(
                summary.PublishErrors,
                summary.TicksRejected,
                connectFailures,
                subscribers.Count(s => s.Dropped),
                samples.Count(s => s.AcceptedPerSecond <= 0));
            return new SoakReport
            {
                Url = load.Url.ToString(),
                Transport = load.Transport.ToString(),
                TargetRate = load.Rate,
                Publishers = load.Publishers,
                Batch = load.Batch,
                Subscribers = load.Subscribers,
                Symbols = summary.Symbols,
                DurationSeconds = load.Duration.TotalSeconds,
                SampleIntervalSeconds = settings.SampleInterval.TotalSeconds,
                StartedUtc = startedUtc,
                MeasuredSeconds = summary.MeasuredSeconds,
                TicksSent = summary.TicksSent,
                TicksAccepted = summary.TicksAccepted,
                AcceptedPerSecond = summary.AcceptedPerSecond,
                AckLatency = summary.AckLatency,
                TickToClientLatency = wholeRun ?? latency.Total(),
                StatsEndpointAvailable = sampler.LastStatsJson is not null,
                StatsAtEnd = sampler.LastStatsJson,
                Samples = samples,
                Verdict = SoakVerdict.Judge(samples, errors, settings.MaxGrowthMiBPerHour, settings.MaxSpreadMiB),
            };
        }
        finally
        {
            await Task.WhenAll(subscribers.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    private static async Task<LoadSummary> RunLoadAsync(LoadRunner runner, ChannelWriter<LoadSnapshot> snapshots, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(s => snapshots.TryWrite(s), cancellationToken);
        }
        finally
        {
            snapshots.TryComplete();
        }
    }
}
