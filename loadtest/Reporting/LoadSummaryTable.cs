using System.Globalization;
using AltseasonLive.LoadTest.Load;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Reporting;

/// <summary>The end-of-run table of a load run.</summary>
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
        if (s.ServerMeasured is { } m)
        {
            Row("Server accepted (GET /api/stats)", string.Create(CultureInfo.InvariantCulture,
                $"{m.TicksAccepted:N0} ({m.AcceptedPerSecond:N0}/s over {m.Seconds:0.0} s), rejected {m.TicksRejected:N0}"));
            Row("Server series values", string.Create(CultureInfo.InvariantCulture,
                $"offered {m.SeriesOffered:N0}, coalesced {m.SeriesCoalesced:N0}, dropped for slow clients {m.SeriesDropped:N0}"));
            Row("Server hub messages / clients cut off", string.Create(CultureInfo.InvariantCulture,
                $"{m.MessagesSentPerSecond:N0}/s; {m.ClientsDropped:N0} cut off; largest outbox {m.OutboxQueuedMaxAtEnd:N0} at end"));
            Row("Server price age at arrival / flush; flush to written", string.Create(CultureInfo.InvariantCulture,
                $"{m.PriceAgeAtArrivalMeanMs:0.0} / {m.PriceAgeAtFlushMeanMs:0.0} ms; {m.FlushToWrittenMeanMs:0.0} ms (means, last second)"));
            Row("Server events held back / refetched / out of order", string.Create(CultureInfo.InvariantCulture,
                $"{m.EventsHeldBack:N0} / {m.EventsRefetched:N0} / {m.EventsOutOfOrder:N0}"));
        }
        else
        {
            Row("Server counters", s.Server.StatsEndpointAvailable ? "GET /api/stats (see JSON)" : "not exposed (no GET /api/stats)");
        }

        Row("Server RSS", s.Server.ResidentMiBPeak is { } peak
            ? string.Create(CultureInfo.InvariantCulture, $"{s.Server.ResidentMiBStart:0} -> {s.Server.ResidentMiBEnd:0} MiB (peak {peak:0})")
            : "unknown (pass --server-pid)");
        Row("CPU cores busy (server / generator)", string.Create(CultureInfo.InvariantCulture,
            $"{(s.Server.CpuCores is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "?")} / {s.GeneratorCpuCores:0.00} of {Environment.ProcessorCount}"));
        return table;
    }
}
