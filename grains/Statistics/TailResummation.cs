namespace AltseasonLive.Statistics;

/// <summary>
/// The exact re-summation of a pair window's tail about its newest observation, in one scalar pass over the
/// interleaved ring (x, y, x, y, …, wrapping) that keeps the five sums at once. It stays scalar on purpose:
/// <c>TensorPrimitives</c> needs each series contiguous, and the de-interleaving copy plus five separate reductions
/// measured slower at the product's window lengths (bench/RESULTS.md, <c>WindowResummationBenchmarks</c>).
/// </summary>
internal static class TailResummation
{
    /// <summary>Sums of the <paramref name="count"/> observations that end at ring position <paramref name="newest"/>.</summary>
    /// <param name="ring">One window's ring: 2 x W values, observation p at 2p (x) and 2p + 1 (y).</param>
    /// <param name="newest">Ring position (0 .. W - 1) of the newest observation.</param>
    /// <param name="count">Tail length, 1 .. W.</param>
    public static TailSums AboutNewest(ReadOnlySpan<double> ring, int newest, int count)
    {
        var window = ring.Length / 2;
        double kx = ring[2 * newest], ky = ring[(2 * newest) + 1];
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var position = newest + 1 == window ? 0 : newest + 1;
        for (var i = 0; i < count; i++)
        {
            position = position == 0 ? window - 1 : position - 1;
            var dx = ring[2 * position] - kx;
            var dy = ring[(2 * position) + 1] - ky;
            sx += dx;
            sy += dy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        return new TailSums(kx, ky, sx, sy, sxx, syy, sxy);
    }
}
