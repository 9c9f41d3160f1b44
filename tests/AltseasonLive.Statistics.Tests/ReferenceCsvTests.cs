using System.Globalization;
using AltseasonLive.Statistics;

namespace AltseasonLive.Statistics.Tests;

/// <summary>
/// Checks every engine class against TestData/pair_reference.csv, computed outside the engine by
/// TestData/make_reference.py (exact two-pass sums in plain Python), through warm-up, a stale-leg stretch and after a
/// reset, as Lean's CommonIndicatorTests do.
/// </summary>
public sealed class ReferenceCsvTests
{
    private const int Window = 10;
    private const double Tolerance = 1e-9;
    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Load);

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Rolling_correlation_matches_reference_values_before_and_after_reset(CorrelationMode mode)
    {
        var correlation = new RollingCorrelation(Window, mode);
        for (var pass = 0; pass < 2; pass++)
        {
            var undefinedSeen = 0;
            foreach (var row in Rows.Value)
            {
                correlation.Add(row.PriceA, row.PriceB);
                undefinedSeen += AssertCorrelation(row.Expected(mode), correlation.Current.Correlation, row.Bar) ? 1 : 0;
            }

            Assert.True(undefinedSeen >= 10, "the reference data has a stale stretch with undefined windows");
            correlation.Reset();
        }
    }

    [Theory]
    [InlineData(CorrelationMode.Returns)]
    [InlineData(CorrelationMode.Levels)]
    public void Correlation_bank_matches_reference_values(CorrelationMode mode)
    {
        var bank = new CorrelationBank(mode);
        var slot = bank.AddWindow(Window);
        bank.AddWindow(3);
        var copied = new double[2];
        foreach (var row in Rows.Value)
        {
            bank.ReviseA(row.PriceA * 1.01);
            bank.ReviseB(slot, row.PriceB);
            bank.ReviseA(row.PriceA);
            bank.CopyCorrelations(copied);
            AssertCorrelation(row.Expected(mode), double.IsNaN(copied[slot]) ? null : copied[slot], row.Bar);
            bank.CommitBar();
            AssertCorrelation(row.Expected(mode), bank.GetStats(slot).Correlation, row.Bar);
        }
    }

    [Fact]
    public void Rolling_volatility_matches_reference_values()
    {
        var volatility = new RollingVolatility(Window);
        foreach (var row in Rows.Value)
        {
            volatility.Revise(row.PriceA * 0.98);
            volatility.Revise(row.PriceA);
            var live = volatility.Current.StandardDeviation;
            volatility.Commit();
            Assert.Equal(live is null, volatility.Current.StandardDeviation is null);
            PairReference.AssertClose(live ?? 0, volatility.Current.StandardDeviation ?? 0, 1e-15);
            if (row.VolatilityA is { } expected)
            {
                Assert.True(Math.Abs(expected - live!.Value) <= Tolerance, $"bar {row.Bar}: {live} vs {expected}");
            }
            else
            {
                Assert.Null(live);
            }
        }
    }

    [Fact]
    public void Percentile_band_matches_reference_values()
    {
        var band = new RollingPercentileBand(20, 0.1, 0.9);
        foreach (var row in Rows.Value)
        {
            band.Add(row.PriceA);
            PairReference.AssertClose(row.BandLower, band.Lower, 1e-13);
            PairReference.AssertClose(row.BandUpper, band.Upper, 1e-13);
        }
    }

    /// <returns>True when the reference value is undefined.</returns>
    private static bool AssertCorrelation(double? expected, double? actual, int bar)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"bar {bar}: expected undefined, got {actual}");
            return true;
        }

        Assert.True(actual is not null, $"bar {bar}: expected {expected}, got undefined");
        Assert.True(Math.Abs(expected.Value - actual.Value) <= Tolerance, $"bar {bar}: expected {expected}, got {actual}");
        return false;
    }

    private static List<Row> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "pair_reference.csv");
        return File.ReadLines(path).Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return new Row(
                int.Parse(cells[0], CultureInfo.InvariantCulture),
                Parse(cells[1])!.Value,
                Parse(cells[2])!.Value,
                Parse(cells[3]),
                Parse(cells[4]),
                Parse(cells[5]),
                Parse(cells[6])!.Value,
                Parse(cells[7])!.Value);
        }).ToList();
    }

    private static double? Parse(string cell) => cell.Length == 0 ? null : double.Parse(cell, CultureInfo.InvariantCulture);

    private sealed record Row(
        int Bar, double PriceA, double PriceB, double? CorrelationReturns, double? CorrelationLevels, double? VolatilityA, double BandLower, double BandUpper)
    {
        public double? Expected(CorrelationMode mode) => mode == CorrelationMode.Returns ? CorrelationReturns : CorrelationLevels;
    }
}
