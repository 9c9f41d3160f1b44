namespace AltseasonLive.Statistics;

/// <summary>Searches in ascending arrays (duplicates allowed), where a count of values above a threshold is one binary search.</summary>
public static class SortedSearch
{
    /// <summary>Index of the first value of ascending <paramref name="sorted"/> greater than <paramref name="threshold"/> (its length when none is).</summary>
    public static int FirstAbove(ReadOnlySpan<double> sorted, double threshold)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] > threshold)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
