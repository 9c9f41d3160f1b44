using AltseasonLive.Statistics;

namespace AltseasonLive.Statistics.Tests;

/// <summary>
/// Drives a <see cref="CorrelationBank"/> and, for each slot, an independent <see cref="RollingCorrelation"/> and a
/// MathNet <see cref="PairReference"/> fed only with the bars where both legs traded; checks that all three agree
/// after every revision and commit.
/// </summary>
internal sealed class BankHarness
{
    private static readonly int[] WindowMix = [2, 30, 90, 365];
    private readonly CorrelationMode _mode;
    private readonly CorrelationBank _bank;
    private readonly List<(int Leg, RollingCorrelation Scalar, PairReference Reference)> _slots = [];
    private readonly double[] _legs;
    private readonly double[] _copied;
    private double _previousA;

    public BankHarness(CorrelationMode mode, int seed, int legCount, double startA = 100, double step = 0.02)
    {
        _mode = mode;
        Walk = new RandomWalk(seed, startA, startA / 2, step);
        _previousA = startA;
        _bank = new CorrelationBank(mode, initialCapacity: 4);
        _legs = new double[legCount];
        for (var leg = 0; leg < legCount; leg++)
        {
            _legs[leg] = startA * (leg + 1) / 3;
            foreach (var window in WindowMix)
            {
                var slot = _bank.AddWindow(window);
                Assert.Equal(_slots.Count, slot);
                _slots.Add((leg, new RollingCorrelation(window, mode), new PairReference(window, mode)));
            }
        }

        _copied = new double[_slots.Count];
    }

    public RandomWalk Walk { get; }

    public void Bar(bool aTrades, Func<int, bool> legTrades, bool checkReference)
    {
        var (a, _) = Walk.Next();
        var trades = new bool[_legs.Length];
        for (var leg = 0; leg < _legs.Length; leg++)
        {
            trades[leg] = legTrades(leg);
            _legs[leg] *= Math.Exp((0.7 * Math.Log(a / _previousA)) + (0.01 * (leg + 1) * Walk.Gaussian()));
        }

        _previousA = a;
        double? liveA = null;
        var liveB = new double?[_legs.Length];
        for (var revision = 0; revision < 3; revision++)
        {
            var last = revision == 2;
            if (aTrades)
            {
                liveA = last ? a : a * Math.Exp(0.005 * Walk.Gaussian());
                _bank.ReviseA(liveA.Value);
                Check(liveA, liveB, checkReference && last);
            }

            for (var leg = 0; leg < _legs.Length; leg++)
            {
                if (trades[leg] && (last || Walk.Chance(0.5)))
                {
                    liveB[leg] = last ? _legs[leg] : _legs[leg] * Math.Exp(0.005 * Walk.Gaussian());
                    for (var slot = 0; slot < _slots.Count; slot++)
                    {
                        if (_slots[slot].Leg == leg)
                        {
                            _bank.ReviseB(slot, liveB[leg]!.Value);
                        }
                    }

                    Check(liveA, liveB, false);
                }
            }
        }

        Check(liveA, liveB, checkReference);
        _bank.CommitBar();
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            var (leg, scalar, reference) = _slots[slot];
            if (liveA is { } pa && liveB[leg] is { } pb)
            {
                scalar.Commit();
                reference.Commit(pa, pb);
            }
        }

        Check(null, new double?[_legs.Length], checkReference);
    }

    private void Check(double? liveA, double?[] liveB, bool checkReference)
    {
        _bank.CopyCorrelations(_copied);
        for (var slot = 0; slot < _slots.Count; slot++)
        {
            var (leg, scalar, reference) = _slots[slot];
            var both = liveA is not null && liveB[leg] is not null;
            if (both)
            {
                scalar.Revise(liveA!.Value, liveB[leg]!.Value);
            }

            var expected = scalar.Current;
            var actual = _bank.GetStats(slot);
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.Correlation is null, actual.Correlation is null);
            if (expected.Correlation is { } r)
            {
                Assert.True(Math.Abs(r - actual.Correlation!.Value) <= 1e-11, $"slot {slot}: bank {actual.Correlation} vs scalar {r}");
            }

            var copied = _copied[slot];
            Assert.Equal(actual.Correlation ?? double.NaN, copied);
            Assert.Equal(copied, _bank.CorrelationOf(slot));
            if (checkReference)
            {
                reference.AssertMatches(actual, both ? liveA : null, both ? liveB[leg] : null);
                reference.AssertMatches(expected, both ? liveA : null, both ? liveB[leg] : null);
            }
        }
    }
}
