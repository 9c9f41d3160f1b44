using System.Collections.Immutable;

namespace AltseasonLive.Api.Push;

/// <summary>Names of the client methods the server invokes on <c>/hubs/market</c> connections.</summary>
public static class HubMethods
{
    /// <summary>Argument: <see cref="SnapshotMessage"/>. Always the first message of a subscription.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>Argument: array of <see cref="HubEvent"/>, in sequence order. Never coalesced.</summary>
    public const string Events = "events";

    /// <summary>Argument: array of <see cref="SeriesMessage"/>: the latest value per topic and key since the previous message.</summary>
    public const string Series = "series";

    /// <summary>Argument: <see cref="ResyncMessage"/>. The missed events are gone; a fresh snapshot follows.</summary>
    public const string Resync = "resync";
}

/// <summary>
/// One market event with its global sequence number (from the event log: 1, 2, 3...). <see cref="TimeMs"/> is the UTC
/// epoch ms of the bar that triggered it; <see cref="Kind"/> names the event type (e.g. <c>CorrelationBreakdown</c>),
/// <see cref="Text"/> is a one-line description and <see cref="Event"/> the full event record.
/// </summary>
public sealed record HubEvent(long Sequence, long TimeMs, string Kind, string Text, object Event);

/// <summary>
/// The latest value of one series of a topic: <see cref="Kind"/> is Price, Correlation, Total, Dominance or
/// AltseasonIndex; <see cref="Key"/> a symbol or pair-window key; <see cref="TimeMs"/> UTC epoch ms of the data;
/// <see cref="Value"/> USD, percent or a correlation (-1..1). Between two sends only the newest value per topic and key survives.
/// </summary>
public sealed record SeriesMessage(string Topic, string Kind, string Key, long TimeMs, double Value, bool BarClosed);

/// <summary>
/// Current state of a topic. <see cref="Sequence"/> is the latest event sequence known when it was taken
/// (for <c>events</c>, <see cref="Data"/> is the most recent events, oldest first).
/// </summary>
public sealed record SnapshotMessage(string Topic, long Sequence, object Data);

/// <summary>
/// Sent instead of missed events when a reconnecting client asked for events after <see cref="RequestedAfter"/> but
/// the log only keeps events from <see cref="OldestAvailable"/> on (or more were missed than are replayed).
/// </summary>
public sealed record ResyncMessage(string Topic, long RequestedAfter, long OldestAvailable, long Latest, string Reason);

/// <summary>A page of the event log: <see cref="OutOfRetention"/> when events after the requested sequence were already dropped.</summary>
public sealed record HubEventPage(ImmutableArray<HubEvent> Events, long LatestSequence, long OldestSequence, bool OutOfRetention);
