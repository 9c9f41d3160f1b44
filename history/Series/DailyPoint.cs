namespace AltseasonLive.History.Series;

/// <summary>One daily close. <see cref="Date"/> is a calendar date (crypto: UTC day; equities: US trading day).</summary>
public readonly record struct DailyPoint(DateOnly Date, double Close);
