using System.Globalization;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// The outcome of a soak. Memory is judged over the second half of the run: the later half of the samples, with the
/// middle one when their count is even (30 one-minute samples: minutes 15 to 30), so start-up growth (JIT, pools,
/// caches filling) does not count. Counting samples rather than comparing times keeps a sample that came a few
/// milliseconds early in the window. The judged series is the server's resident
/// memory when known, else its GC heap; the other is reported. <see cref="MemoryFlat"/> is null when there were fewer
/// than two readings to judge. <see cref="Passed"/> needs flat memory and no errors; <see cref="Reasons"/> says why not.
/// </summary>
public sealed record SoakVerdict(
    bool Passed,
    bool? MemoryFlat,
    string JudgedSeries,
    double WindowFromSeconds,
    MemoryTrend? Resident,
    MemoryTrend? GcHeap,
    double MaxGrowthMiBPerHour,
    double? MaxSpreadMiB,
    SoakErrors Errors,
    IReadOnlyList<string> Reasons)
{
    public const string ResidentSeries = "server RSS";
    public const string GcHeapSeries = "server GC heap";
    public const string NoSeries = "none";

    public static SoakVerdict Judge(IReadOnlyList<LoadSample> samples, SoakErrors errors, double maxGrowthMiBPerHour, double? maxSpreadMiB)
    {
        var window = samples.Skip((samples.Count - 1) / 2).ToList();
        var from = window.Count == 0 ? 0 : window[0].ElapsedSeconds;
        var resident = MemoryTrend.Fit(Readings(window, s => s.ServerResidentMiB));
        var gcHeap = MemoryTrend.Fit(Readings(window, s => s.ServerGcHeapMiB));
        var (series, judged) = resident is not null ? (ResidentSeries, resident)
            : gcHeap is not null ? (GcHeapSeries, gcHeap)
            : (NoSeries, (MemoryTrend?)null);

        var inv = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        bool? flat = null;
        if (judged is null)
        {
            reasons.Add("No memory to judge: fewer than two readings of server RSS (--server-pid) or GC heap (GET /api/stats) in the second half.");
        }
        else
        {
            flat = true;
            if (judged.SlopeMiBPerHour > maxGrowthMiBPerHour)
            {
                flat = false;
                reasons.Add(string.Create(inv, $"{series} grew {judged.SlopeMiBPerHour:0.0} MiB/h over the second half (limit {maxGrowthMiBPerHour:0.0})."));
            }

            if (maxSpreadMiB is { } spread && judged.SpreadMiB > spread)
            {
                flat = false;
                reasons.Add(string.Create(inv, $"{series} spread {judged.SpreadMiB:0.0} MiB over the second half (limit {spread:0.0})."));
            }
        }

        if (errors.PublishErrors > 0)
        {
            reasons.Add($"{errors.PublishErrors} publish errors.");
        }

        if (errors.TicksRejected > 0)
        {
            reasons.Add($"{errors.TicksRejected} ticks rejected by the server.");
        }

        if (errors.ConnectFailures > 0 || errors.SubscribersDropped > 0)
        {
            reasons.Add($"{errors.ConnectFailures} subscribers failed to connect, {errors.SubscribersDropped} dropped.");
        }

        if (errors.StalledSamples > 0)
        {
            reasons.Add($"{errors.StalledSamples} samples with no tick acknowledged.");
        }

        return new SoakVerdict(flat == true && !errors.Any, flat, series, from, resident, gcHeap, maxGrowthMiBPerHour, maxSpreadMiB, errors, reasons);
    }

    private static List<(double, double)> Readings(IEnumerable<LoadSample> window, Func<LoadSample, double?> value)
    {
        var readings = new List<(double, double)>();
        foreach (var sample in window)
        {
            if (value(sample) is { } mib)
            {
                readings.Add((sample.ElapsedSeconds, mib));
            }
        }

        return readings;
    }
}
