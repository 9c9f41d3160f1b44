namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>
/// The state of an outperformance streak (key "RUT|SPX"): its length in sessions and the last bar start (UTC epoch
/// ms) each leg has closed, null when that leg never has. With no benchmark bars the streak cannot be checked at all:
/// the bundled history holds no S&amp;P 500, so over a replay SPX stays null until a live feed or a publisher sends it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutperformanceSnapshot(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Benchmark,
    [property: Id(2)] int Streak,
    [property: Id(3)] long? LastSymbolBarMs,
    [property: Id(4)] long? LastBenchmarkBarMs)
{
    /// <summary>Both legs have closed bars, so sessions can be compared.</summary>
    public bool HasData => LastSymbolBarMs is not null && LastBenchmarkBarMs is not null;
}
