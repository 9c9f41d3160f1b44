using System.Text.Json;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// The fields of the api's <c>GET /api/stats</c> that a load run compares between the start and the end of the
/// measured period: totals since server start (ticks, series values, hub messages, dropped clients), the server's clock
/// (UTC epoch ms), the outbox backlog at the time of reading (messages), the process memory (bytes) and the ordered
/// event path's counts (events held back for a gap, fetched again from the log, arrived out of order). The soak
/// samples the same reading once per interval.
/// </summary>
public sealed record ServerCounters(
    long AtMs,
    long TicksReceived,
    long TicksAccepted,
    long TicksRejected,
    long SeriesOffered,
    long SeriesCoalesced,
    long SeriesFlushed,
    long SeriesDropped,
    long MessagesSent,
    long ClientsDropped,
    int Connections,
    long OutboxQueued,
    long OutboxQueuedMax,
    long GcHeapBytes,
    long WorkingSetBytes,
    double PriceAgeAtArrivalMeanMs,
    double PriceAgeAtFlushMeanMs,
    double FlushToWrittenMeanMs,
    double WriteMeanMs,
    long EventsHeldBack,
    long EventsRefetched,
    long EventsOutOfOrder)
{
    /// <summary>Null when <paramref name="json"/> is null or not a stats document.</summary>
    public static ServerCounters? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("ticks", out var ticks) || !root.TryGetProperty("hub", out var hub))
            {
                return null;
            }

            var process = root.TryGetProperty("process", out var p) ? p : default;
            var stages = root.TryGetProperty("stages", out var s) ? s : default;
            return new ServerCounters(
                Long(root, "atMs"),
                Long(ticks, "received"),
                Long(ticks, "accepted"),
                Long(ticks, "rejected"),
                Long(hub, "seriesOffered"),
                Long(hub, "seriesCoalesced"),
                Long(hub, "seriesFlushed"),
                Long(hub, "seriesDropped"),
                Long(hub, "messagesSent"),
                Long(hub, "clientsDropped"),
                (int)Long(hub, "connections"),
                Long(hub, "outboxQueued"),
                Long(hub, "outboxQueuedMax"),
                Long(process, "gcHeapBytes"),
                Long(process, "workingSetBytes"),
                Double(stages, "priceAgeAtArrivalMeanMs"),
                Double(stages, "priceAgeAtFlushMeanMs"),
                Double(stages, "flushToWrittenMeanMs"),
                Double(stages, "writeMeanMs"),
                Long(hub, "eventsHeldBack"),
                Long(hub, "eventsRefetched"),
                Long(hub, "eventsOutOfOrder"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;

    private static double Double(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : 0;
}
