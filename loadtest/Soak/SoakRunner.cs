using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// Runs a soak: the load run of <see cref="SoakSettings.Run"/> (a sample per interval, no warm-up), then its verdict on
/// the samples and the run's errors (<see cref="SoakVerdict.Judge"/>).
/// </summary>
public sealed class SoakRunner(SoakSettings settings)
{
    public async Task<SoakReport> RunAsync(Action<SoakProgress>? progress, CancellationToken cancellationToken)
    {
        settings.Validate();
        var run = settings.Run;
        var startedUtc = DateTimeOffset.UtcNow;
        var samples = new List<LoadSample>();
        var summary = await new LoadRunner(run).RunAsync(
            snapshot =>
            {
                if (snapshot.Sample is { } sample)
                {
                    samples.Add(sample);
                }

                progress?.Invoke(new SoakProgress(snapshot, run.Duration, [.. samples]));
            },
            cancellationToken);

        var errors = new SoakErrors(
            summary.PublishErrors,
            summary.TicksRejected,
            summary.Subscribers.ConnectFailures,
            summary.Subscribers.DroppedDuringRun,
            summary.Samples.Count(s => s.AcceptedPerSecond <= 0));
        return new SoakReport
        {
            Load = summary,
            DurationSeconds = run.Duration.TotalSeconds,
            SampleIntervalSeconds = settings.SampleInterval.TotalSeconds,
            StartedUtc = startedUtc,
            Verdict = SoakVerdict.Judge(summary.Samples, errors, settings.MaxGrowthMiBPerHour, settings.MaxSpreadMiB),
        };
    }
}
