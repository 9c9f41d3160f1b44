using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Market;

namespace AltseasonLive.History.Tests;

/// <summary>The bundled history holds no S&amp;P 500: the RUT-vs-SPX streak says it cannot be checked on it.</summary>
public sealed class BundledSp500Tests
{
    [Fact]
    public async Task Replaying_the_bundled_history_leaves_the_rut_spx_streak_without_benchmark_data()
    {
        var history = new BundledHistory();
        Assert.DoesNotContain("SPX", HistorySymbols.All);
        Assert.DoesNotContain(BundledHistory.ResourcePaths, p => p.Contains("SPX", StringComparison.OrdinalIgnoreCase) || p.Contains("GSPC", StringComparison.OrdinalIgnoreCase));

        await using var cluster = await DailyBarsCluster.StartAsync();
        await new HistoryReplay(history, new HistoryReplayOptions { From = new DateOnly(2025, 1, 1), Symbols = new HashSet<string> { HistorySymbols.Rut } }).RunAsync(cluster.Sink());
        var streak = await cluster.Client.GetGrain<IOutperformanceGrain>("RUT|SPX").GetSnapshot();

        Assert.Equal(("RUT", "SPX", 0), (streak.Symbol, streak.Benchmark, streak.Streak));
        Assert.NotNull(streak.LastSymbolBarMs);
        Assert.Null(streak.LastBenchmarkBarMs);
        Assert.False(streak.HasData);
    }
}
