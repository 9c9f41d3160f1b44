using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// One soak run: the load of <see cref="Load"/> (its <see cref="LoadSettings.Duration"/> is the whole soak; there is no
/// warm-up) with a sample every <see cref="SampleInterval"/>. Memory counts as flat when the least-squares slope of the
/// server's memory over the second half of the run stays at or below <see cref="MaxGrowthMiBPerHour"/> (MiB per hour)
/// and, when <see cref="MaxSpreadMiB"/> is set, its max - min over that half stays at or below it (MiB).
/// </summary>
public sealed record SoakSettings
{
    public LoadSettings Load { get; init; } = new() { Duration = TimeSpan.FromMinutes(30), Warmup = TimeSpan.Zero };

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(60);

    public double MaxGrowthMiBPerHour { get; init; } = 50;

    public double? MaxSpreadMiB { get; init; }

    /// <summary>The load run the soak makes: <see cref="Load"/> sampled every <see cref="SampleInterval"/>, without warm-up.</summary>
    public LoadSettings Run => Load with { SampleInterval = SampleInterval, Warmup = TimeSpan.Zero };

    public void Validate()
    {
        Run.Validate();
        if (MaxGrowthMiBPerHour < 0 || MaxSpreadMiB < 0)
        {
            throw new ArgumentException("Memory thresholds must not be negative.");
        }
    }
}
