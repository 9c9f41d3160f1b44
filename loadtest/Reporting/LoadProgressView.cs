using System.Globalization;
using AltseasonLive.LoadTest.Load;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Reporting;

/// <summary>The live progress table (interactive consoles) or one plain line per second (redirected output).</summary>
public static class LoadProgressView
{
    public static Table Empty() => Fill(new Table(), null);

    public static Table Fill(Table table, LoadSnapshot? s)
    {
        table.Rows.Clear();
        if (table.Columns.Count == 0)
        {
            table.Border(TableBorder.Rounded).AddColumn("Live").AddColumn(new TableColumn("").RightAligned());
        }

        if (s is null)
        {
            table.AddRow("Phase", "connecting");
            return table;
        }

        var inv = CultureInfo.InvariantCulture;
        table.Title = new TableTitle(s.Measuring ? "Measuring" : "Warming up");
        table.AddRow("Elapsed", s.Elapsed.ToString(@"mm\:ss", inv));
        table.AddRow("Sent / accepted ticks/s", string.Create(inv, $"{s.SentPerSecond:N0} / {s.AcceptedPerSecond:N0}"));
        table.AddRow("Totals sent / accepted / rejected", string.Create(inv, $"{s.TicksSent:N0} / {s.TicksAccepted:N0} / {s.TicksRejected:N0}"));
        table.AddRow("Tick-to-client p50 / p99 (1 s)", string.Create(inv, $"{s.TickToClient.P50Ms:0.0} / {s.TickToClient.P99Ms:0.0} ms"));
        table.AddRow("Ack p50 / p99 (1 s)", string.Create(inv, $"{s.Ack.P50Ms:0.0} / {s.Ack.P99Ms:0.0} ms"));
        table.AddRow("Client updates/s", s.UpdatesPerSecond.ToString("N0", inv));
        table.AddRow("Subscribers connected / dropped", $"{s.SubscribersConnected} / {s.SubscribersDropped}");
        table.AddRow("Errors", s.Errors.ToString(inv));
        table.AddRow("Server RSS", s.ServerResidentBytes is { } rss ? string.Create(inv, $"{rss / 1048576.0:0} MiB") : "-");
        return table;
    }

    public static string Line(LoadSnapshot s) =>
        FormattableString.Invariant($"{s.Elapsed:mm\\:ss} {(s.Measuring ? "measure" : "warmup ")} sent {s.SentPerSecond,9:N0}/s accepted {s.AcceptedPerSecond,9:N0}/s ")
        + FormattableString.Invariant($"t2c p50 {s.TickToClient.P50Ms,6:0.0} p99 {s.TickToClient.P99Ms,6:0.0} ms ack p99 {s.Ack.P99Ms,6:0.0} ms ")
        + FormattableString.Invariant($"updates {s.UpdatesPerSecond,8:N0}/s subs {s.SubscribersConnected} drop {s.SubscribersDropped} err {s.Errors}")
        + (s.ServerResidentBytes is { } rss ? FormattableString.Invariant($" rss {rss / 1048576.0:0} MiB") : "");
}
