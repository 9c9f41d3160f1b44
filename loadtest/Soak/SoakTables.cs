using System.Globalization;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>The end-of-soak tables: one row per sample, then the totals and the verdict.</summary>
public static class SoakTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Table Samples(SoakReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Soak samples (per interval)");
        foreach (var column in new[] { "#", "Elapsed", "Sent/s", "Acked/s", "t2c p50 ms", "p99", "p99.9", "RSS MiB", "GC heap MiB", "Conns", "Dropped", "Coalesced", "Clients dropped", "Server cores" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var s in report.Samples)
        {
            table.AddRow(
                s.Index.ToString(Inv),
                TimeSpan.FromSeconds(s.ElapsedSeconds).ToString(@"hh\:mm\:ss", Inv),
                s.SentPerSecond.ToString("N0", Inv),
                s.AcceptedPerSecond.ToString("N0", Inv),
                s.TickToClient.P50Ms.ToString("0.0", Inv),
                s.TickToClient.P99Ms.ToString("0.0", Inv),
                s.TickToClient.P999Ms.ToString("0.0", Inv),
                Opt(s.ServerResidentMiB, "0.0"),
                Opt(s.ServerGcHeapMiB, "0.0"),
                Opt(s.ServerConnections),
                Opt(s.ServerDropped),
                Opt(s.ServerCoalesced),
                Opt(s.ServerClientsDropped),
                Opt(s.ServerCpuCores, "0.00"));
        }

        return table;
    }

    public static Table Verdict(SoakReport report)
    {
        var v = report.Verdict;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(v.Passed ? "[green]Soak passed[/]" : "[red]Soak failed[/]")
            .AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));

        var load = report.Load;
        Row("Target", string.Create(Inv, $"{load.TargetRate:N0} ticks/s, {load.Publishers} x {load.Transport}, batch {load.Batch}, {load.Symbols} symbols, {load.Subscribers.Tracked} subscribers"));
        Row("Measured", string.Create(Inv, $"{load.MeasuredSeconds:N0} s, {report.Samples.Count} samples every {report.SampleIntervalSeconds:0.#} s, from {report.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC"));
        Row("Ticks sent / accepted", string.Create(Inv, $"{load.TicksSent:N0} / {load.TicksAccepted:N0} ({load.AcceptedPerSecond:N0}/s)"));
        Row("Tick-to-client, whole run", Latency(load.TickToClientLatency));
        Row("Ack, whole run", Latency(load.AckLatency));
        Row("Server counters", load.Nodes.All(n => n.Server.StatsEndpointAvailable) ? "GET /api/stats" : "not exposed (no GET /api/stats)");
        Row("Judged window", string.Create(Inv, $"samples at or after {v.WindowFromSeconds:N0} s (second half)"));
        Row("Server RSS trend", Trend(v.Resident));
        Row("Server GC heap trend", Trend(v.GcHeap));
        Row("Limit", string.Create(Inv, $"{v.MaxGrowthMiBPerHour:0.#} MiB/h") + (v.MaxSpreadMiB is { } spread ? string.Create(Inv, $", spread {spread:0.#} MiB") : ""));
        Row("Memory flat (" + v.JudgedSeries + ")", v.MemoryFlat switch { true => "yes", false => "NO", null => "unknown" });
        var e = v.Errors;
        Row("Errors", $"publish {e.PublishErrors}, rejected {e.TicksRejected}, connect failures {e.ConnectFailures}, dropped {e.SubscribersDropped}, stalled samples {e.StalledSamples}");
        foreach (var reason in v.Reasons)
        {
            Row("Reason", reason);
        }

        return table;
    }

    private static string Trend(MemoryTrend? t) => t is null
        ? "no readings"
        : string.Create(Inv, $"slope {t.SlopeMiBPerHour:+0.0;-0.0;0.0}{(t.SlopeStandardErrorMiBPerHour is { } se ? string.Create(Inv, $" ± {se:0.0}") : "")} MiB/h (fitted {t.FittedGrowthMiB:+0.0;-0.0;0.0} MiB), min {t.MinMiB:0.0} / max {t.MaxMiB:0.0} (spread {t.SpreadMiB:0.0}) MiB over {t.Points} samples");

    private static string Latency(Load.LatencySummary l) => l.Count == 0
        ? "no samples"
        : string.Create(Inv, $"p50 {l.P50Ms:0.0} / p99 {l.P99Ms:0.0} / p99.9 {l.P999Ms:0.0} / max {l.MaxMs:0.0} ms ({l.Count:N0})");

    private static string Opt(double? value, string format) => value is { } v ? v.ToString(format, Inv) : "-";

    private static string Opt(long? value) => value is { } v ? v.ToString("N0", Inv) : "-";
}
