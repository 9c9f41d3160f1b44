namespace AltseasonLive.Api.Push;

/// <summary>
/// Sent instead of missed events when a reconnecting client asked for events after <see cref="RequestedAfter"/> but
/// the log only keeps events from <see cref="OldestAvailable"/> on (or more were missed than are replayed).
/// </summary>
public sealed record ResyncMessage(string Topic, long RequestedAfter, long OldestAvailable, long Latest, string Reason);
