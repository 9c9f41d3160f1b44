namespace AltseasonLive.Api.Push;

/// <summary>
/// One market event with its global sequence number (from the event log: 1, 2, 3...). <see cref="TimeMs"/> is the UTC
/// epoch ms of the bar that triggered it; <see cref="Kind"/> names the event type (e.g. <c>CorrelationBreakdown</c>),
/// <see cref="Text"/> is a one-line description and <see cref="Event"/> the full event record. <see cref="Simulated"/> is
/// true when the event was raised on demo data.
/// </summary>
public sealed record HubEvent(long Sequence, long TimeMs, string Kind, string Text, object Event, bool Simulated = false);
