using AltseasonLive.LoadTest.Soak;

namespace AltseasonLive.LoadTest.Tests.Soak;

public sealed class SoakVerdictTests
{
    [Fact]
    public void Growth_in_the_first_half_only_is_flat()
    {
        // 30 one-minute samples: +10 MiB a minute for 15 minutes (start-up), then level at 350 MiB.
        var samples = Samples.EveryMinute(30, m => m <= 15 ? 200 + (10 * m) : 350);

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.True(verdict.Passed);
        Assert.True(verdict.MemoryFlat);
        Assert.Equal(SoakVerdict.ResidentSeries, verdict.JudgedSeries);
        Assert.NotNull(verdict.Resident);
        Assert.Equal(0, verdict.Resident.SlopeMiBPerHour, 9);
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void Window_is_the_later_half_of_the_samples_from_the_middle_one()
    {
        var samples = Samples.EveryMinute(30, m => 300);

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.Equal(900, verdict.WindowFromSeconds);
        Assert.NotNull(verdict.Resident);
        Assert.Equal(16, verdict.Resident.Points);
        Assert.Equal(900, verdict.Resident.FromSeconds);
        Assert.Equal(1800, verdict.Resident.ToSeconds);
    }

    [Fact]
    public void A_sample_slightly_early_stays_in_the_window()
    {
        // The runner reports about once a second, so a sample can land just before its nominal time.
        double[] seconds = [30.02, 60.01, 89.99, 120.0, 150.02, 180.0];
        var samples = seconds.Select((t, i) => Samples.At(t, 200 + i, index: i + 1)).ToList();

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.Equal(89.99, verdict.WindowFromSeconds);
        Assert.NotNull(verdict.Resident);
        Assert.Equal(4, verdict.Resident.Points);
    }

    [Fact]
    public void Steady_growth_above_the_limit_fails()
    {
        // +1 MiB a minute = 60 MiB/h throughout, limit 50.
        var samples = Samples.EveryMinute(30, m => 250 + m);

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.False(verdict.Passed);
        Assert.False(verdict.MemoryFlat);
        Assert.NotNull(verdict.Resident);
        Assert.Equal(60, verdict.Resident.SlopeMiBPerHour, 9);
        Assert.Contains(verdict.Reasons, r => r.Contains("60.0 MiB/h", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_growth_under_a_higher_limit_passes()
    {
        var samples = Samples.EveryMinute(30, m => 250 + m);

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 61, null);

        Assert.True(verdict.Passed);
    }

    [Fact]
    public void Spread_limit_fails_a_level_but_noisy_series_only_when_given()
    {
        var samples = Samples.EveryMinute(30, m => m % 2 == 0 ? 300 : 380);

        Assert.True(SoakVerdict.Judge(samples, Samples.NoErrors, 50, null).MemoryFlat);
        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, 60);
        Assert.False(verdict.MemoryFlat);
        Assert.Contains(verdict.Reasons, r => r.Contains("spread 80.0 MiB", StringComparison.Ordinal));
    }

    [Fact]
    public void Gc_heap_is_judged_when_resident_memory_is_unknown()
    {
        var samples = Samples.EveryMinute(20, _ => null, m => 100 + (2 * m));

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.Equal(SoakVerdict.GcHeapSeries, verdict.JudgedSeries);
        Assert.Null(verdict.Resident);
        Assert.NotNull(verdict.GcHeap);
        Assert.Equal(120, verdict.GcHeap.SlopeMiBPerHour, 9);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void Resident_memory_is_judged_and_gc_heap_reported_when_both_are_known()
    {
        var samples = Samples.EveryMinute(20, _ => 400, m => 100 + (2 * m));

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.Equal(SoakVerdict.ResidentSeries, verdict.JudgedSeries);
        Assert.True(verdict.Passed);
        Assert.NotNull(verdict.GcHeap);
        Assert.Equal(120, verdict.GcHeap.SlopeMiBPerHour, 9);
    }

    [Fact]
    public void Without_memory_readings_the_verdict_is_unknown_and_fails()
    {
        var samples = Samples.EveryMinute(10, _ => null);

        var verdict = SoakVerdict.Judge(samples, Samples.NoErrors, 50, null);

        Assert.Null(verdict.MemoryFlat);
        Assert.False(verdict.Passed);
        Assert.Equal(SoakVerdict.NoSeries, verdict.JudgedSeries);
        Assert.Single(verdict.Reasons);
    }

    [Theory]
    [InlineData(1, 0, 0, 0, 0)]
    [InlineData(0, 5, 0, 0, 0)]
    [InlineData(0, 0, 1, 0, 0)]
    [InlineData(0, 0, 0, 1, 0)]
    [InlineData(0, 0, 0, 0, 1)]
    public void Any_error_fails_a_flat_run(long publishErrors, long rejected, int connectFailures, int dropped, int stalled)
    {
        var samples = Samples.EveryMinute(10, _ => 300);

        var verdict = SoakVerdict.Judge(samples, new SoakErrors(publishErrors, rejected, connectFailures, dropped, stalled), 50, null);

        Assert.True(verdict.MemoryFlat);
        Assert.False(verdict.Passed);
        Assert.Single(verdict.Reasons);
    }
}
