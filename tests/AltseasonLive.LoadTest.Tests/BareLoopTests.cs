using AltseasonLive.Grains.Correlation;
using AltseasonLive.Grains.Universe;
using AltseasonLive.LoadTest.Bench;
using GrainMode = AltseasonLive.Grains.Interfaces.Correlation.CorrelationMode;

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
        Assert.Equal(579, loop.Slots);
    }

    [Fact]
    public void Bare_loop_does_the_same_arithmetic_as_the_correlation_groups_banks()
    {
        var universe = BenchUniverse.Standard();
        var tape = new BenchTape(universe, 5, 1_700_000_000_000);
        var loop = new BareLoop(tape);
        var groups = universe.Groups
            .Select(g => new CorrelationBanks(new CorrelationGroupLayout(g.Anchor, [.. g.Partners.Select(p => new PartnerLayout(p, BenchUniverse.Windows, [GrainMode.Returns]))])))
            .ToArray();
        var steps = 100 * 40 + 37;
        var stepsPerBar = 1000 / BenchTape.StepMs;

        loop.Run(steps);
        for (long step = 0; step < steps; step++)
        {
            if (step > 0 && step % stepsPerBar == 0)
            {
                Array.ForEach(groups, g => g.CommitBar());
            }

            for (var c = 0; c < tape.Width; c++)
            {
                var (symbol, price) = (universe.Symbols[c], tape.Price(step, c));
                foreach (var banks in groups)
                {
                    if (symbol == banks.Layout.Anchor)
                    {
                        banks.ReviseAnchor(price);
                    }
                    else if (banks.PartnerIndexOf(symbol) is var partner and >= 0)
                    {
                        banks.RevisePartner(partner, price);
                    }
                }
            }
        }

        Assert.Equal(loop.Slots, groups.Sum(g => g.PairWindows.Length));
        var compared = 0;
        foreach (var banks in groups)
        {
            for (var i = 0; i < banks.PairWindows.Length; i++)
            {
                var key = banks.PairWindows[i].Key;
                var expected = banks.GetStats(i);
                var actual = loop.ReturnsStats(key.Anchor, key.Partner, key.Window);
                Assert.Equal(expected.Count, actual.Count);
                Assert.Equal(expected.Correlation, actual.Correlation);
                compared += expected.Correlation is null ? 0 : 1;
            }
        }

        Assert.Equal(579, compared);
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
