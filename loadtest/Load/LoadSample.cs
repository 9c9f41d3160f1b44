namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One sample of a sampled run (the soak), covering the interval that ends at <see cref="ElapsedSeconds"/> (seconds since publishing started)
/// and lasted <see cref="IntervalSeconds"/>. Rates are ticks per second over that interval; <see cref="TickToClient"/>
/// holds the percentiles of that interval only (ms); memory is in MiB; CPU is cores busy over the interval. Server
/// figures are null when unknown (no <c>--server-pid</c>, or no <c>GET /api/stats</c>); the server's dropped and
/// coalesced series updates and the clients it dropped are its own running totals.
/// </summary>
public sealed record LoadSample
{
    public required int Index { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required double IntervalSeconds { get; init; }
    public required double SentPerSecond { get; init; }
    public required double AcceptedPerSecond { get; init; }
    public required long TicksRejected { get; init; }
    public required long PublishErrors { get; init; }
    public required LatencySummary TickToClient { get; init; }
    public required double ClientUpdatesPerSecond { get; init; }
    public required int SubscribersConnected { get; init; }
    public required int SubscribersDropped { get; init; }
    public double? ServerResidentMiB { get; init; }
    public double? ServerGcHeapMiB { get; init; }
    public double? ServerWorkingSetMiB { get; init; }
    public long? ServerConnections { get; init; }
    public long? ServerDropped { get; init; }
    public long? ServerCoalesced { get; init; }
    public long? ServerClientsDropped { get; init; }
    public double? ServerCpuCores { get; init; }
    public required double GeneratorCpuCores { get; init; }
}
