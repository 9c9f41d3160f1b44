namespace AltseasonLive.Api.Tests.Limits;

/// <summary>
/// Tests that measure this process's GC heap run alone, after the parallel collections: another test allocating at the
/// same time would be counted as the server's memory.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
