namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// Silo benchmark result. Silo figures cover the whole process (grains, Orleans runtime, batch building) over the
/// measured period; <see cref="SiloCpuCores"/> is process CPU time / wall time. The bare loop is the single-threaded
/// statistics-only limit; <see cref="SiloToBareRatio"/> = silo ticks/s / bare ticks/s. <see cref="Stages"/> is the
/// sequential per-stage breakdown of an ingest batch. <see cref="BareReturnsOnlyTicksPerSecond"/> is the bare loop
/// without the Levels banks the grains build even for a Returns-only universe.
/// </summary>
public sealed record SiloBenchSummary(
    string Universe,
    string Storage,
    int Callers,
    int TicksPerBatch,
    double MeasuredSeconds,
    long SiloTicks,
    double SiloTicksPerSecond,
    double SiloBytesPerTick,
    double SiloCpuCores,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double IngestCallP50Ms,
    double IngestCallP99Ms,
    long BareTicks,
    double BareTicksPerSecond,
    double BareBytesPerTick,
    int BareSlots,
    double SiloToBareRatio,
    int ProcessorCount,
    IReadOnlyList<StageTiming> Stages,
    double BareReturnsOnlyTicksPerSecond);
