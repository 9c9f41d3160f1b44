using AltseasonLive.LoadTest.Bench;

namespace AltseasonLive.LoadTest.Tests;

public sealed class BareLoopTests
{
    [Fact]
    public void Standard_universe_has_100_assets_and_every_coin_paired_with_RUT_and_BTC()
    {
        var universe = BenchUniverse.Standard();

        Assert.Equal(100, universe.Symbols.Count);
        Assert.Equal(universe.Symbols.Count, universe.Symbols.Distinct().Count());
        var rut = universe.Groups.Single(g => g.Anchor == "RUT").Partners;
        var btc = universe.Groups.Single(g => g.Anchor == "BTC").Partners;
        Assert.All(BenchUniverse.CoinSymbols, c => Assert.Contains(c, rut));
        Assert.All(BenchUniverse.CoinSymbols, c => Assert.Contains(c, btc));
        Assert.Equal((97 + 96) * 3, universe.PairWindows);
    }

    [Fact]
    public void Statistics_path_allocates_nothing_in_steady_state()
    {
        var loop = new BareLoop(new BenchTape(BenchUniverse.Standard(), 3, 1_700_000_000_000));
        loop.Run(100 * 40);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ticks = loop.Run(100 * 5);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(100 * 5 * 100, ticks);
        Assert.Equal(0, allocated);
        Assert.Equal(2 * 579, loop.Slots);
    }

    [Fact]
    public void Tape_batches_are_time_ordered_and_consecutive_across_calls()
    {
        var tape = new BenchTape(BenchUniverse.Standard(), 3, 1_000_000);

        var first = tape.NextBatch(2);
        var second = tape.NextBatch(1);

        Assert.Equal(200, first.Length);
        Assert.Equal(1_000_000, first[0].TimeMs);
        Assert.Equal(1_000_000 + BenchTape.StepMs, first[^1].TimeMs);
        Assert.Equal(1_000_000 + (2 * BenchTape.StepMs), second[0].TimeMs);
        Assert.All(first, t => Assert.True(t.Price > 0));
    }
}
