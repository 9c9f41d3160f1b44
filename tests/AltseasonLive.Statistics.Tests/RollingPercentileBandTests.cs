using AltseasonLive.Statistics;
using MathNet.Numerics.Statistics;

namespace AltseasonLive.Statistics.Tests;

public sealed class RollingPercentileBandTests
{
    [Theory]
    [InlineData(2, 0.05, 0.95)]
    [InlineData(30, 0.1, 0.9)]
    [InlineData(250, 0.025, 0.975)]
    public void Matches_MathNet_R7_quantiles_of_the_last_values(int lookback, double lower, double upper)
    {
        var band = new RollingPercentileBand(lookback, lower, upper);
        var random = new Random(lookback);
        var values = new List<double>();
        for (var i = 0; i < (3 * lookback) + 20; i++)
        {
            var value = Math.Round(random.NextDouble() * 20, 1) - 10;
            band.Add(value);
            values.Add(value);
            var window = values.TakeLast(lookback).ToArray();
            Assert.Equal(window.Length == lookback, band.IsReady);
            PairReference.AssertClose(window.QuantileCustom(lower, QuantileDefinition.R7), band.Lower, 1e-12);
            PairReference.AssertClose(window.QuantileCustom(upper, QuantileDefinition.R7), band.Upper, 1e-12);
        }
    }

    [Fact]
    public void Empty_band_reports_NaN_and_contains_nothing()
    {
        var band = new RollingPercentileBand(5, 0.1, 0.9);
        Assert.True(double.IsNaN(band.Lower));
        Assert.False(band.Contains(0));
        band.Add(1);
        band.Add(3);
        Assert.True(band.Contains(2));
        Assert.False(band.Contains(3.5));
        band.Reset();
        Assert.Equal(0, band.Count);
        Assert.True(double.IsNaN(band.Upper));
    }

    [Fact]
    public void Guards_lookback_and_percentiles()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingPercentileBand(1, 0.1, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingPercentileBand(5, -0.1, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingPercentileBand(5, 0.5, 0.4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingPercentileBand(5, 0.1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingPercentileBand(5, 0.1, 0.9).Add(double.NaN));
    }
}
