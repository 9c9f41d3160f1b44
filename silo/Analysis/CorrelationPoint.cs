namespace AltseasonLive.Silo.Analysis;

/// <summary>The rolling correlation after the pair bar of <see cref="Date"/>; null until the window is full or while undefined.</summary>
public readonly record struct CorrelationPoint(DateOnly Date, double? Correlation);
