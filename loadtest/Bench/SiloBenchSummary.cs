namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// Silo benchmark result. Silo figures cover the whole process (grains, Orleans runtime, batch building) over the
/// measured period; <see cref="SiloCpuCores"/> is process CPU time / wall time and <see cref="SiloCpuMicrosecondsPerTick"/>
/// process CPU time / ticks (steadier than ticks/s when other processes share the cores). The bare loop is the single-threaded
/// statistics-only limit doing the arithmetic the grains do for this Returns-only universe (Returns banks only);
/// <see cref="SiloToBareRatio"/> = silo ticks/s / that loop's ticks/s. <see cref="BareWithLevelsTicksPerSecond"/> is the
/// same loop with a Levels bank per anchor as well (arithmetic this universe does not need; for comparison with runs
/// before the grains built only the configured modes). <see cref="Stages"/> is the sequential per-stage breakdown of
/// an ingest batch.
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
    double BareWithLevelsTicksPerSecond,
    double SiloCpuMicrosecondsPerTick);
