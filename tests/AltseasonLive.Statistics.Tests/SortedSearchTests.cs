using AltseasonLive.Statistics;

namespace AltseasonLive.Statistics.Tests;

public sealed class SortedSearchTests
{
    [Theory]
    [InlineData(new double[] { }, 0, 0)]
    [InlineData(new double[] { -2, -1, 0, 0, 0, 1, 2 }, 0, 5)]
    [InlineData(new double[] { -2, -1 }, 0, 2)]
    [InlineData(new double[] { 1, 2, 3 }, 0, 0)]
    [InlineData(new double[] { 0, 0 }, 0, 2)]
    public void First_above_is_the_count_of_values_at_or_below_the_threshold(double[] sorted, double threshold, int expected)
    {
        Assert.Equal(expected, SortedSearch.FirstAbove(sorted, threshold));
        Assert.Equal(sorted.Count(v => v <= threshold), SortedSearch.FirstAbove(sorted, threshold));
    }
}
