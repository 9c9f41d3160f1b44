using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Consecutive sessions a symbol's bar return beat its benchmark's. Bars are matched by start time; a bar only one leg
/// has (a holiday on one side) waits until the other leg moves past it, then is dropped. Returns are simple (fractions).
/// </summary>
[GenerateSerializer]
public sealed class OutperformanceState
{
    [Id(0)] public SortedDictionary<long, double> SymbolCloses { get; set; } = [];

    [Id(1)] public SortedDictionary<long, double> BenchmarkCloses { get; set; } = [];

    [Id(2)] public bool HasLast { get; set; }

    [Id(3)] public long LastBarMs { get; set; }

    [Id(4)] public double LastSymbolClose { get; set; }

    [Id(5)] public double LastBenchmarkClose { get; set; }

    [Id(6)] public int Streak { get; set; }

    [Id(7)] public double StreakStartSymbol { get; set; }

    [Id(8)] public double StreakStartBenchmark { get; set; }

    /// <summary>The last bar start (UTC epoch ms) the symbol closed; null when it never has.</summary>
    [Id(9)] public long? LastSymbolBarMs { get; set; }

    /// <summary>The last bar start (UTC epoch ms) the benchmark closed; null when it never has (no SPX in the bundled history).</summary>
    [Id(10)] public long? LastBenchmarkBarMs { get; set; }

    /// <summary>Ingest-log values (<see cref="Durability.LogPosition"/>) of the last bar close of each leg this state includes; 0 outside the ingest log.</summary>
    [Id(11)] public long SymbolLogPosition { get; set; }

    [Id(12)] public long BenchmarkLogPosition { get; set; }

    /// <summary>Records one leg's close and returns the events of every session that both legs have now closed.</summary>
    public List<OutperformanceStreak> OnBarClosed(string symbol, string benchmark, bool isSymbol, long barStartMs, double close, int streakLength)
    {
        var events = new List<OutperformanceStreak>();
        if (HasLast && barStartMs <= LastBarMs)
        {
            return events;
        }

        (isSymbol ? SymbolCloses : BenchmarkCloses)[barStartMs] = close;
        while (NextCommonBar() is { } bar)
        {
            var s = SymbolCloses[bar];
            var b = BenchmarkCloses[bar];
            Prune(bar);
            if (HasLast)
            {
                var symbolReturn = (s / LastSymbolClose) - 1;
                var benchmarkReturn = (b / LastBenchmarkClose) - 1;
                if (symbolReturn > benchmarkReturn)
                {
                    if (Streak == 0)
                    {
                        StreakStartSymbol = LastSymbolClose;
                        StreakStartBenchmark = LastBenchmarkClose;
                    }

                    Streak++;
                    if (Streak >= streakLength)
                    {
                        events.Add(new OutperformanceStreak(0, bar, symbol, benchmark, Streak, (s / StreakStartSymbol) - 1, (b / StreakStartBenchmark) - 1));
                    }
                }
                else
                {
                    Streak = 0;
                }
            }

            HasLast = true;
            LastBarMs = bar;
            LastSymbolClose = s;
            LastBenchmarkClose = b;
        }

        return events;
    }

    private long? NextCommonBar()
    {
        foreach (var bar in SymbolCloses.Keys)
        {
            if (BenchmarkCloses.ContainsKey(bar))
            {
                return bar;
            }
        }

        return null;
    }

    private void Prune(long upToBar)
    {
        foreach (var closes in new[] { SymbolCloses, BenchmarkCloses })
        {
            foreach (var stale in closes.Keys.Where(k => k <= upToBar).ToList())
            {
                closes.Remove(stale);
            }
        }
    }
}
