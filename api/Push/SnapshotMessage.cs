namespace AltseasonLive.Api.Push;

/// <summary>
/// Current state of a topic. <see cref="Sequence"/> is the latest event sequence known when it was taken
/// (for <c>events</c>, <see cref="Data"/> is the most recent events, oldest first).
/// </summary>
public sealed record SnapshotMessage(string Topic, long Sequence, object Data);
