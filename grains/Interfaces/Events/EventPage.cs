using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// Events after a sequence number, oldest first. <see cref="Truncated"/> is true when events the caller had not seen
/// have already left retention (resync from a snapshot); <see cref="HasMore"/> when <c>max</c> cut the page short.
/// <see cref="LastSequence"/> is the newest sequence the log has assigned.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EventPage(
    [property: Id(0)] ImmutableArray<MarketEvent> Events,
    [property: Id(1)] long LastSequence,
    [property: Id(2)] long OldestRetainedSequence,
    [property: Id(3)] bool Truncated,
    [property: Id(4)] bool HasMore);
