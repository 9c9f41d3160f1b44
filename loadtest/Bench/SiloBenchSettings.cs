namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// One silo benchmark run: <see cref="Callers"/> concurrent callers each send batches of <see cref="StepsPerBatch"/>
/// steps (100 ticks per step) to the ingest grain for <see cref="Warmup"/> + <see cref="Duration"/>; the bare loop runs
/// for <see cref="BareDuration"/>.
/// </summary>
public sealed record SiloBenchSettings
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan BareDuration { get; init; } = TimeSpan.FromSeconds(5);

    public int Callers { get; init; } = 8;

    public int StepsPerBatch { get; init; } = 10;

    public bool Sqlite { get; init; }

    public int Seed { get; init; } = 20260101;

    /// <summary>Sequential batches timed stage by stage after the throughput run (0 = skip).</summary>
    public int BreakdownBatches { get; init; } = 30;
}
