using System.Globalization;
using AltseasonLive.LoadTest.Load;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Reporting;

/// <summary>The end-of-run tables of a load run: the whole run, then each node.</summary>
public static class LoadSummaryTable
{
    public static Table Build(LoadSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Load run summary").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        static string Ms(LatencySummary l) => l.Count == 0
            ? "no samples"
            : string.Create(CultureInfo.InvariantCulture, $"p50 {l.P50Ms:0.0} / p99 {l.P99Ms:0.0} / p99.9 {l.P999Ms:0.0} / max {l.MaxMs:0.0} ms ({l.Count:N0})");

        Row("Target", $"{N(s.TargetRate)} ticks/s, {s.Publishers} x {s.Transport}, batch {s.Batch}, {s.Symbols} symbols");
        Row("Measured", string.Create(CultureInfo.InvariantCulture, $"{s.MeasuredSeconds:0.0} s after {s.WarmupSeconds:0} s warm-up"));
        Row("Ticks sent", $"{N(s.TicksSent)} ({N(s.SentPerSecond)}/s)");
        Row("Ticks accepted by server", $"{N(s.TicksAccepted)} ({N(s.AcceptedPerSecond)}/s), rejected {N(s.TicksRejected)}");
        Row("Batches sent / acked / errors", $"{N(s.BatchesSent)} / {N(s.BatchesAcknowledged)} / {N(s.PublishErrors)}");
        Row("Ack latency", Ms(s.AckLatency));
        Row("Tick-to-client latency", Ms(s.TickToClientLatency) + (s.LatencyOutOfRange > 0 ? $", {N(s.LatencyOutOfRange)} out of range" : ""));
        var sub = s.Subscribers;
        Row("Subscribers", $"{sub.Tracked} tracked + {sub.Idle} idle; connected {sub.Connected}, failed {sub.ConnectFailures}, dropped {sub.DroppedDuringRun}");
        Row("Updates per tracked client", $"min {N(sub.UpdatesMin)} / median {N(sub.UpdatesMedian)} / max {N(sub.UpdatesMax)}");
        Row("Price updates per client", string.Create(CultureInfo.InvariantCulture,
            $"{sub.PriceUpdatesReceivedMean:N0} received of {sub.PriceUpdatesExpected:N0} ticks sent ({sub.CoalescedOrDroppedFraction:P1} coalesced or dropped, client-side estimate)"));
        Row("Generator CPU cores busy", string.Create(CultureInfo.InvariantCulture, $"{s.GeneratorCpuCores:0.00} of {Environment.ProcessorCount}"));
        return table;
    }

    /// <summary>Each node's share of the run and what the node reported, a column per node.</summary>
    public static Table Nodes(LoadSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("Per node").AddColumn("Measure");
        foreach (var node in s.Nodes)
        {
            table.AddColumn(new TableColumn(Markup.Escape(node.Url)).RightAligned());
        }

        void Row(string name, Func<NodeSummary, string> value) =>
            table.AddRow([Markup.Escape(name), .. s.Nodes.Select(n => Markup.Escape(value(n)))]);
        static string Opt(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "-";

        Row("Publishers", n => n.Publishers.ToString(inv));
        Row("Ticks sent / accepted / rejected", n => string.Create(inv, $"{n.TicksSent:N0} / {n.TicksAccepted:N0} / {n.TicksRejected:N0}"));
        Row("Accepted ticks/s", n => n.AcceptedPerSecond.ToString("N0", inv));
        Row("Publish errors", n => n.PublishErrors.ToString("N0", inv));
        Row("Subscribers connected / of", n => string.Create(inv, $"{n.SubscribersConnected} / {n.Subscribers} ({n.ConnectFailures} failed, {n.SubscribersDropped} dropped)"));
        Row("Updates received", n => n.UpdatesReceived.ToString("N0", inv));
        Row("Tick-to-client p50 / p99", n => n.TickToClientLatency.Count == 0 ? "no samples" : string.Create(inv, $"{n.TickToClientLatency.P50Ms:0.0} / {n.TickToClientLatency.P99Ms:0.0} ms"));
        Row("Ack p50 / p99", n => n.AckLatency.Count == 0 ? "no samples" : string.Create(inv, $"{n.AckLatency.P50Ms:0.0} / {n.AckLatency.P99Ms:0.0} ms"));
        Row("Server accepted (GET /api/stats)", n => n.ServerMeasured is { } m
            ? string.Create(inv, $"{m.TicksAccepted:N0} ({m.AcceptedPerSecond:N0}/s), rejected {m.TicksRejected:N0}")
            : n.Server.StatsEndpointAvailable ? "see JSON" : "not exposed");
        Row("Server series offered / coalesced / dropped", n => n.ServerMeasured is { } m
            ? string.Create(inv, $"{m.SeriesOffered:N0} / {m.SeriesCoalesced:N0} / {m.SeriesDropped:N0}")
            : "-");
        Row("Server hub messages/s; clients cut off; largest outbox", n => n.ServerMeasured is { } m
            ? string.Create(inv, $"{m.MessagesSentPerSecond:N0}; {m.ClientsDropped:N0}; {m.OutboxQueuedMaxAtEnd:N0}")
            : "-");
        Row("Server price age at arrival / flush; flush to written", n => n.ServerMeasured is { } m
            ? string.Create(inv, $"{m.PriceAgeAtArrivalMeanMs:0.0} / {m.PriceAgeAtFlushMeanMs:0.0}; {m.FlushToWrittenMeanMs:0.0} ms")
            : "-");
        Row("Server events held back / refetched / out of order", n => n.ServerMeasured is { } m
            ? string.Create(inv, $"{m.EventsHeldBack:N0} / {m.EventsRefetched:N0} / {m.EventsOutOfOrder:N0}")
            : "-");
        Row("Server RSS start -> end (peak)", n => n.Server.ResidentMiBPeak is { } peak
            ? string.Create(inv, $"{n.Server.ResidentMiBStart:0} -> {n.Server.ResidentMiBEnd:0} MiB ({peak:0})")
            : "unknown (--server-pid)");
        Row("Server CPU cores busy", n => Opt(n.Server.CpuCores, "0.00"));
        return table;
    }
}
