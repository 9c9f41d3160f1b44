namespace AltseasonLive.Api.Telemetry;

/// <summary>Measurements of one histogram over a window: how many, their mean and their maximum (in the instrument's unit).</summary>
public readonly record struct HistogramWindow(long Count, double Mean, double Max);
