namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>
/// <see cref="Symbol"/> beat <see cref="Benchmark"/> for <see cref="Sessions"/> consecutive bars (sessions).
/// Returns are simple returns over the streak as fractions (0.05 = 5%).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OutperformanceStreak(
    long Sequence,
    long TimeMs,
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Benchmark,
    [property: Id(2)] int Sessions,
    [property: Id(3)] double SymbolReturn,
    [property: Id(4)] double BenchmarkReturn) : MarketEvent(Sequence, TimeMs)
{
    public override EventKind Kind => EventKind.OutperformanceStreak;

    public override string Describe() =>
        $"{Symbol} outperformed {Benchmark} for {Sessions} consecutive sessions ({EventFormat.Percent(SymbolReturn)} vs {EventFormat.Percent(BenchmarkReturn)})";
}
