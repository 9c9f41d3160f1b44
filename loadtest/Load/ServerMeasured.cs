namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// What the server itself counted over the measured period (<c>GET /api/stats</c> read when measuring starts and when it
/// ends): ticks/s it accepted, series values the grains offered to the hub, how many the hub coalesced (a newer value of
/// the same topic and key replaced it before the flush) and dropped for slow clients, hub messages written per second,
/// clients it cut off, and at the end the largest outbox backlog (messages) and the mean price age (ms) on arrival from
/// the grains and at the hub's flush, and from a flush to the write of its message to a connection, over the last second;
/// and the events the hub held back for a gap, fetched again from the log and saw out of order.
/// </summary>
public sealed record ServerMeasured(
    double Seconds,
    long TicksAccepted,
    long TicksRejected,
    double AcceptedPerSecond,
    long SeriesOffered,
    long SeriesCoalesced,
    long SeriesDropped,
    double MessagesSentPerSecond,
    long ClientsDropped,
    long OutboxQueuedMaxAtEnd,
    double PriceAgeAtArrivalMeanMs,
    double PriceAgeAtFlushMeanMs,
    double FlushToWrittenMeanMs,
    long EventsHeldBack,
    long EventsRefetched,
    long EventsOutOfOrder)
{
    /// <summary>Null unless both readings parsed and the server clock moved.</summary>
    public static ServerMeasured? Between(ServerCounters? start, ServerCounters? end)
    {
        if (start is null || end is null || end.AtMs <= start.AtMs)
        {
            return null;
        }

        var seconds = (end.AtMs - start.AtMs) / 1000.0;
        return new ServerMeasured(
            Math.Round(seconds, 3),
            end.TicksAccepted - start.TicksAccepted,
            end.TicksRejected - start.TicksRejected,
            Math.Round((end.TicksAccepted - start.TicksAccepted) / seconds, 1),
            end.SeriesOffered - start.SeriesOffered,
            end.SeriesCoalesced - start.SeriesCoalesced,
            end.SeriesDropped - start.SeriesDropped,
            Math.Round((end.MessagesSent - start.MessagesSent) / seconds, 1),
            end.ClientsDropped - start.ClientsDropped,
            end.OutboxQueuedMax,
            end.PriceAgeAtArrivalMeanMs,
            end.PriceAgeAtFlushMeanMs,
            end.FlushToWrittenMeanMs,
            end.EventsHeldBack - start.EventsHeldBack,
            end.EventsRefetched - start.EventsRefetched,
            end.EventsOutOfOrder - start.EventsOutOfOrder);
    }
}
