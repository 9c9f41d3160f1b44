using System.Globalization;
using System.Text;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// The <c>--csv FILE</c> output: a header and one row per sample (invariant culture, empty cells for unknown
/// figures), then the verdict as <c>#</c> comment lines (<c>pandas.read_csv(path, comment='#')</c> skips them).
/// </summary>
public static class SoakCsv
{
    public const string Header =
        "index,elapsed_s,interval_s,sent_per_s,accepted_per_s,rejected,publish_errors,t2c_count,t2c_p50_ms,t2c_p99_ms,t2c_p999_ms,t2c_max_ms,"
        + "client_updates_per_s,subscribers_connected,subscribers_dropped,server_rss_mib,server_gc_heap_mib,server_working_set_mib,"
        + "server_connections,server_dropped,server_coalesced,server_clients_dropped,server_cpu_cores,generator_cpu_cores";

    public static string Format(SoakReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var s in report.Samples)
        {
            var l = s.TickToClient;
            text.Append(string.Join(',', new[]
            {
                s.Index.ToString(inv), N(s.ElapsedSeconds), N(s.IntervalSeconds), N(s.SentPerSecond), N(s.AcceptedPerSecond),
                s.TicksRejected.ToString(inv), s.PublishErrors.ToString(inv), l.Count.ToString(inv), N(l.P50Ms), N(l.P99Ms), N(l.P999Ms), N(l.MaxMs),
                N(s.ClientUpdatesPerSecond), s.SubscribersConnected.ToString(inv), s.SubscribersDropped.ToString(inv),
                N(s.ServerResidentMiB), N(s.ServerGcHeapMiB), N(s.ServerWorkingSetMiB),
                N(s.ServerConnections), N(s.ServerDropped), N(s.ServerCoalesced), N(s.ServerClientsDropped), N(s.ServerCpuCores), N(s.GeneratorCpuCores),
            })).Append('\n');
        }

        var v = report.Verdict;
        text.Append(inv, $"# verdict: {(v.Passed ? "passed" : "failed")}; memory flat ({v.JudgedSeries}): {v.MemoryFlat?.ToString() ?? "unknown"}; limit {v.MaxGrowthMiBPerHour} MiB/h; window from {v.WindowFromSeconds} s\n");
        foreach (var (name, trend) in new[] { ("rss", v.Resident), ("gc_heap", v.GcHeap) })
        {
            if (trend is not null)
            {
                text.Append(inv, $"# {name}: slope {trend.SlopeMiBPerHour:0.###} MiB/h, standard error {trend.SlopeStandardErrorMiBPerHour:0.###} MiB/h, min {trend.MinMiB} MiB, max {trend.MaxMiB} MiB, points {trend.Points}\n");
            }
        }

        foreach (var reason in v.Reasons)
        {
            text.Append("# reason: ").Append(reason).Append('\n');
        }

        return text.ToString();
    }

    public static async Task WriteAsync(SoakReport report, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, Format(report), cancellationToken);
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string N(double? value) => value is { } v ? N(v) : "";

    private static string N(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";
}
