using System.Globalization;
using AltseasonLive.LoadTest.Load;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Soak;

/// <summary>The live soak table (interactive consoles) and one plain line per sample (redirected output).</summary>
public static class SoakProgressView
{
    public static Table Empty() => Fill(new Table(), null);

    public static Table Fill(Table table, SoakProgress? p)
    {
        table.Rows.Clear();
        if (table.Columns.Count == 0)
        {
            table.Border(TableBorder.Rounded).Title("Soak").AddColumn("Live").AddColumn(new TableColumn("").RightAligned());
        }

        if (p is null)
        {
            table.AddRow("Phase", "connecting");
            return table;
        }

        var inv = CultureInfo.InvariantCulture;
        var s = p.Latest;
        table.AddRow("Elapsed / duration", string.Create(inv, $"{s.Elapsed:hh\\:mm\\:ss} / {p.Duration:hh\\:mm\\:ss}"));
        table.AddRow("Sent / accepted ticks/s (1 s)", string.Create(inv, $"{s.SentPerSecond:N0} / {s.AcceptedPerSecond:N0}"));
        table.AddRow("Totals sent / accepted / rejected", string.Create(inv, $"{s.TicksSent:N0} / {s.TicksAccepted:N0} / {s.TicksRejected:N0}"));
        table.AddRow("Ack p50 / p99 (1 s)", string.Create(inv, $"{s.Ack.P50Ms:0.0} / {s.Ack.P99Ms:0.0} ms"));
        table.AddRow("Publish errors", s.Errors.ToString(inv));
        table.AddRow("Server RSS (1 s)", s.ServerResidentBytes is { } rss ? string.Create(inv, $"{rss / 1048576.0:0} MiB") : "-");
        table.AddRow("Samples", p.Samples.Count.ToString(inv));
        if (p.Samples.Count > 0)
        {
            var last = p.Samples[^1];
            table.AddRow("Last sample", Markup.Escape(Line(last)));
        }

        return table;
    }

    public static string Line(LoadSample s)
    {
        var inv = CultureInfo.InvariantCulture;
        return string.Create(inv, $"#{s.Index} {TimeSpan.FromSeconds(s.ElapsedSeconds):hh\\:mm\\:ss} sent {s.SentPerSecond:N0}/s acked {s.AcceptedPerSecond:N0}/s ")
            + string.Create(inv, $"t2c p50 {s.TickToClient.P50Ms:0.0} p99 {s.TickToClient.P99Ms:0.0} p99.9 {s.TickToClient.P999Ms:0.0} ms ")
            + $"rss {Mib(s.ServerResidentMiB)} gc {Mib(s.ServerGcHeapMiB)} MiB subs {s.SubscribersConnected} drop {s.SubscribersDropped} err {s.PublishErrors}";
    }

    private static string Mib(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";
}
