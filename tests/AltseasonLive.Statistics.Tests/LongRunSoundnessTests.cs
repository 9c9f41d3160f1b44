using AltseasonLive.Statistics;

namespace AltseasonLive.Statistics.Tests;

/// <summary>
/// A long-running process: prices near 1e5 moving by about 1e-5 per bar (returns near 1e-5), ten million window
/// updates across this class, with bursts of large moves (variance then collapses a million-fold) and stale stretches
/// (zero variance). At checkpoints the engine must match an exact MathNet recomputation of the same window within 1e-9.
/// </summary>
public sealed class LongRunSoundnessTests
{
    private const int BlockLength = 100_000;
    private const int BurstStart = 20_000;
    private const int StaleStart = 50_000;

    public static TheoryData<int, CorrelationMode> Cases()
    {
        var data = new TheoryData<int, CorrelationMode>();
        foreach (var window in new[] { 2, 30, 90, 365 })
        {
            data.Add(window, CorrelationMode.Returns);
            data.Add(window, CorrelationMode.Levels);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_million_updates_of_one_window_stay_within_1e9_of_exact_recomputation(int window, CorrelationMode mode)
    {
        var correlation = new RollingCorrelation(window, mode);
        var scenario = new Scenario(seed: window, window);
        var history = new PriceHistory(window + 1);
        var checks = 0;
        for (var bar = 0; bar < 1_000_000; bar++)
        {
            var (a, b) = scenario.Next(bar);
            if (scenario.IsCheckpoint(bar))
            {
                correlation.Revise(a * (1 + 2e-5), b * (1 - 1e-5));
                history.Reference(window, mode).AssertMatches(correlation.Current, a * (1 + 2e-5), b * (1 - 1e-5));
                checks++;
            }

            correlation.Add(a, b);
            history.Add(a, b);
            if (scenario.IsCheckpoint(bar))
            {
                var stats = correlation.Current;
                history.Reference(window, mode).AssertMatches(stats);
                Assert.Equal(scenario.IsStaleCheckpoint(bar), stats.Correlation is null);
            }
        }

        Assert.True(checks >= 40);
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Bank_slots_stay_within_1e9_of_exact_recomputation_over_a_long_run(CorrelationMode mode)
    {
        int[] windows = [2, 30, 90, 365];
        var bank = new CorrelationBank(mode);
        var histories = windows.Select(w => (Slot: bank.AddWindow(w), Window: w, History: new PriceHistory(w + 1))).ToArray();
        var scenario = new Scenario(seed: 99, windows[^1]);
        for (var bar = 0; bar < 250_000; bar++)
        {
            var (a, b) = scenario.Next(bar);
            bank.ReviseA(a * (1 - 1e-5));
            foreach (var (slot, _, _) in histories)
            {
                bank.ReviseB(slot, b);
            }

            bank.ReviseA(a);
            foreach (var (slot, window, history) in histories)
            {
                history.Add(a, b);
                if (scenario.IsCheckpoint(bar))
                {
                    history.Reference(window, mode).AssertMatches(bank.GetStats(slot));
                }
            }

            bank.CommitBar();
        }
    }

    /// <summary>Last bars in a ring, turned into a fresh MathNet reference on demand.</summary>
    private sealed class PriceHistory(int capacity)
    {
        private readonly (double A, double B)[] _bars = new (double, double)[capacity];
        private int _count;

        public void Add(double a, double b) => _bars[_count++ % capacity] = (a, b);

        public PairReference Reference(int window, CorrelationMode mode)
        {
            var reference = new PairReference(window, mode);
            for (var i = Math.Max(0, _count - capacity); i < _count; i++)
            {
                var (a, b) = _bars[i % capacity];
                reference.Commit(a, b);
            }

            return reference;
        }
    }

    /// <summary>Prices near 1e5 with moves of about 1e-5, bursts of 1e-2 moves, and stale leg-B stretches.</summary>
    private sealed class Scenario(int seed, int window)
    {
        private readonly Random _random = new(seed);
        private double _a = 100_000;
        private double _b = 95_000;

        public (double A, double B) Next(int bar)
        {
            var inBlock = bar % BlockLength;
            var step = inBlock >= BurstStart && inBlock < BurstStart + window ? 1e-2 : 1e-5;
            var u1 = (2 * _random.NextDouble()) - 1;
            var u2 = (2 * _random.NextDouble()) - 1;
            _a *= 1 + (step * u1);
            if (!(inBlock >= StaleStart && inBlock <= StaleStart + window))
            {
                _b *= 1 + (step * ((0.6 * u1) + (0.8 * u2)));
            }

            return (_a, _b);
        }

        public bool IsStaleCheckpoint(int bar) => bar % BlockLength == StaleStart + window;

        public bool IsCheckpoint(int bar)
        {
            var inBlock = bar % BlockLength;
            return inBlock == BurstStart + (2 * window) + 3
                || inBlock == StaleStart + window
                || inBlock == StaleStart + (2 * window) + 5
                || inBlock == BlockLength - 1
                || inBlock % 33_331 == 17;
        }
    }
}
