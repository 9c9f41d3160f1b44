using AltseasonLive.Statistics;

namespace AltseasonLive.Statistics.Tests;

public sealed class CorrelationBankTests
{
    private static readonly int[] Windows = [2, 30, 90, 365];

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Agrees_with_scalar_windows_and_MathNet_across_calendar_gaps_and_revisions(CorrelationMode mode)
    {
        var harness = new BankHarness(mode, seed: 17, legCount: 3);
        for (var bar = 0; bar < 820; bar++)
        {
            var weekend = bar % 7 is 5 or 6;
            var aTrades = bar % 53 != 7;
            harness.Bar(
                aTrades,
                leg => leg switch
                {
                    0 => true,
                    1 => !weekend,
                    _ => harness.Walk.Chance(0.7),
                },
                checkReference: bar % 3 == 0 || bar < 40);
        }
    }

    [Fact]
    public void Live_correlations_are_copied_per_slot_with_NaN_for_undefined()
    {
        var bank = new CorrelationBank(CorrelationMode.Levels);
        var flat = bank.AddWindow(5);
        var moving = bank.AddWindow(5);
        var prices = new[] { 10.0, 11, 13, 12, 15, 14 };
        foreach (var price in prices)
        {
            bank.ReviseA(price);
            bank.ReviseB(flat, 7);
            bank.ReviseB(moving, price * 2 + 1);
            bank.CommitBar();
        }

        var copied = new double[2];
        bank.CopyCorrelations(copied);
        Assert.True(double.IsNaN(copied[flat]));
        Assert.Null(bank.GetStats(flat).Correlation);
        Assert.Equal(1.0, copied[moving], 12);
        Assert.Throws<ArgumentException>(() => bank.CopyCorrelations(new double[1]));
    }

    [Fact]
    public void Slot_without_leg_B_in_the_bar_excludes_the_live_bar_and_skips_the_commit()
    {
        var bank = new CorrelationBank(CorrelationMode.Levels);
        var slot = bank.AddWindow(3);
        foreach (var (a, b) in new[] { (1.0, 2.0), (2.0, 5.0), (4.0, 3.0) })
        {
            bank.ReviseA(a);
            bank.ReviseB(slot, b);
            bank.CommitBar();
        }

        var committed = bank.GetStats(slot);
        bank.ReviseA(100);
        Assert.Equal(committed, bank.GetStats(slot));
        bank.CommitBar();
        Assert.Equal(3, bank.SamplesOf(slot));
        Assert.Equal(committed, bank.GetStats(slot));

        bank.ReviseB(slot, 100);
        Assert.Equal(committed, bank.GetStats(slot));
        bank.CommitBar();
        Assert.Equal(3, bank.SamplesOf(slot));
    }

    [Fact]
    public void Returns_span_skipped_bars_from_the_previous_pair_bar()
    {
        var bank = new CorrelationBank(CorrelationMode.Returns);
        var slot = bank.AddWindow(4);
        var scalar = new RollingCorrelation(4, CorrelationMode.Returns);
        (double A, double B, bool BTrades)[] bars = [(100, 10, true), (110, 10, false), (121, 11, true), (100, 12, true), (90, 10, false), (95, 13, true)];
        foreach (var (a, b, bTrades) in bars)
        {
            bank.ReviseA(a);
            if (bTrades)
            {
                bank.ReviseB(slot, b);
                scalar.Add(a, b);
            }

            bank.CommitBar();
        }

        var stats = bank.GetStats(slot);
        Assert.Equal(3, stats.Count);
        PairReference.AssertClose((Math.Log(121.0 / 100) + Math.Log(100.0 / 121) + Math.Log(95.0 / 100)) / 3, stats.MeanA, 1e-15);
        Assert.Equal(scalar.Current.Correlation!.Value, stats.Correlation!.Value, 14);
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Slot_added_mid_stream_starts_from_its_first_pair_bar(CorrelationMode mode)
    {
        var bank = new CorrelationBank(mode);
        var early = bank.AddWindow(20);
        var earlyScalar = new RollingCorrelation(20, mode);
        var walk = new RandomWalk(seed: 31);
        RollingCorrelation? lateScalar = null;
        var late = -1;
        for (var bar = 0; bar < 120; bar++)
        {
            if (bar == 50)
            {
                late = bank.AddWindow(20);
                lateScalar = new RollingCorrelation(20, mode);
                Assert.Equal(0, bank.GetStats(late).Count);
            }

            var (a, b) = walk.Next();
            bank.ReviseA(a);
            bank.ReviseB(early, b);
            earlyScalar.Add(a, b);
            if (lateScalar is not null)
            {
                bank.ReviseB(late, b * 3);
                lateScalar.Add(a, b * 3);
            }

            bank.CommitBar();
            Assert.Equal(earlyScalar.Current.Correlation ?? double.NaN, bank.GetStats(early).Correlation ?? double.NaN, 12);
            if (lateScalar is not null)
            {
                Assert.Equal(lateScalar.Current.Count, bank.GetStats(late).Count);
                Assert.Equal(lateScalar.Current.Correlation ?? double.NaN, bank.GetStats(late).Correlation ?? double.NaN, 12);
            }
        }
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Hot_path_allocates_nothing(CorrelationMode mode)
    {
        var bank = new CorrelationBank(mode, initialCapacity: 64);
        for (var slot = 0; slot < 64; slot++)
        {
            bank.AddWindow(2 + (slot % 40));
        }

        var walk = new RandomWalk(seed: 12);
        var copied = new double[bank.Count];
        var sink = 0.0;
        void Bar()
        {
            var (a, b) = walk.Next();
            for (var slot = 0; slot < bank.Count; slot++)
            {
                if (slot % 5 != 0)
                {
                    bank.ReviseB(slot, b + slot);
                }
            }

            bank.ReviseA(a);
            bank.ReviseA(a * 1.001);
            sink += bank.GetStats(7).Correlation ?? 0;
            bank.CopyCorrelations(copied);
            bank.CommitBar();
        }

        for (var bar = 0; bar < 200; bar++)
        {
            Bar();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var bar = 0; bar < 200; bar++)
        {
            Bar();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(double.IsNaN(sink));
    }

    [Fact]
    public void Window_below_two_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CorrelationBank(CorrelationMode.Returns).AddWindow(1));

    [Fact]
    public void Unknown_slot_throws()
    {
        var bank = new CorrelationBank(CorrelationMode.Returns);
        bank.AddWindow(3);
        Assert.Throws<ArgumentOutOfRangeException>(() => bank.ReviseB(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => bank.GetStats(-1));
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void IsReady_flips_exactly_when_a_slot_window_fills(CorrelationMode mode)
    {
        var bank = new CorrelationBank(mode);
        var slot = bank.AddWindow(30);
        var walk = new RandomWalk(seed: 4);
        var barsToFill = mode == CorrelationMode.Returns ? 31 : 30;
        for (var bar = 1; bar <= barsToFill; bar++)
        {
            Assert.False(bank.IsReady(slot));
            var (a, b) = walk.Next();
            bank.ReviseA(a);
            bank.ReviseB(slot, b);
            bank.CommitBar();
            Assert.Equal(bar, bank.SamplesOf(slot));
        }

        Assert.True(bank.IsReady(slot));
        Assert.Equal(30, bank.GetStats(slot).Count);
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Reset_restores_initial_behaviour_and_keeps_slots(CorrelationMode mode)
    {
        var bank = new CorrelationBank(mode, initialCapacity: 1);
        foreach (var window in Windows)
        {
            bank.AddWindow(window);
        }

        var first = Feed(bank, seed: 21);
        bank.Reset();
        Assert.Equal(Windows.Length, bank.Count);
        Assert.All(Enumerable.Range(0, bank.Count), slot => Assert.Equal(0, bank.GetStats(slot).Count));
        var second = Feed(bank, seed: 21);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Growing_past_the_initial_capacity_keeps_every_slot()
    {
        var bank = new CorrelationBank(CorrelationMode.Levels, initialCapacity: 2);
        var scalars = new List<RollingCorrelation>();
        for (var i = 0; i < 37; i++)
        {
            bank.AddWindow(3 + i);
            scalars.Add(new RollingCorrelation(3 + i, CorrelationMode.Levels));
        }

        var walk = new RandomWalk(seed: 8);
        for (var bar = 0; bar < 60; bar++)
        {
            var (a, b) = walk.Next();
            bank.ReviseA(a);
            for (var slot = 0; slot < bank.Count; slot++)
            {
                bank.ReviseB(slot, b + slot);
                scalars[slot].Add(a, b + slot);
            }

            bank.CommitBar();
        }

        for (var slot = 0; slot < bank.Count; slot++)
        {
            Assert.Equal(scalars[slot].Current.Correlation!.Value, bank.GetStats(slot).Correlation!.Value, 12);
        }
    }

    private static List<double> Feed(CorrelationBank bank, int seed)
    {
        var walk = new RandomWalk(seed);
        var seen = new List<double>();
        var buffer = new double[bank.Count];
        for (var bar = 0; bar < 400; bar++)
        {
            var (a, b) = walk.Next();
            bank.ReviseA(a);
            for (var slot = 0; slot < bank.Count; slot++)
            {
                bank.ReviseB(slot, b * (1 + (0.01 * slot)));
            }

            bank.CopyCorrelations(buffer);
            seen.AddRange(buffer);
            bank.CommitBar();
        }

        return seen;
    }
}
