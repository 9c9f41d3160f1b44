using System.Collections.Immutable;

namespace AltseasonLive.Api.Push;

/// <summary>A page of the event log: <see cref="OutOfRetention"/> when events after the requested sequence were already dropped.</summary>
public sealed record HubEventPage(ImmutableArray<HubEvent> Events, long LatestSequence, long OldestSequence, bool OutOfRetention);
