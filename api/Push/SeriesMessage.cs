namespace AltseasonLive.Api.Push;

/// <summary>
/// The latest value of one series of a topic: <see cref="Kind"/> is Price, Correlation, Total, Dominance or
/// AltseasonIndex; <see cref="Key"/> a symbol or pair-window key; <see cref="TimeMs"/> UTC epoch ms of the data;
/// <see cref="Value"/> USD, percent or a correlation (-1..1); <see cref="Source"/> where it came from (null for a
/// correlation). Between two sends only the newest value per topic and key survives.
/// </summary>
public sealed record SeriesMessage(string Topic, string Kind, string Key, long TimeMs, double Value, bool BarClosed, string? Source = null);
