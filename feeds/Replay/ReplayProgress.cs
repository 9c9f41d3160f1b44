namespace AltseasonLive.Feeds.Replay;

/// <summary>Progress of a replay after publishing <see cref="Date"/>: days done of the total, and ticks sent so far.</summary>
public readonly record struct ReplayProgress(DateOnly Date, int DaysDone, int DaysTotal, long TicksSent);
