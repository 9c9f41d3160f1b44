namespace AltseasonLive.Api.Push;

/// <summary>Where push latency goes, over one stats interval: series value age at flush and per-connection write time, in ms.</summary>
public sealed record PushStageTimes(double SeriesAgeAtFlushMeanMs, long SeriesAgeAtFlushMaxMs, double WriteMeanMs, double WriteMaxMs);
