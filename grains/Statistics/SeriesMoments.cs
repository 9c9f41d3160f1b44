namespace AltseasonLive.Statistics;

/// <summary>
/// Running sums of one series about a fixed <see cref="Shift"/> (d = value - Shift). With the shift near the data the
/// sums stay small and the centered second moment does not cancel catastrophically. <see cref="Peak"/> is the largest
/// sum of squares since the last exact rebuild: the rounding noise accumulated by adds and removes is bounded by a
/// small multiple of it, which is how zero variance is told apart from noise.
/// </summary>
internal struct SeriesMoments
{
    public double Shift;
    public double Sum;
    public double SumSquares;
    public double Peak;

    public void Add(double value)
    {
        var d = value - Shift;
        Sum += d;
        SumSquares += d * d;
        if (SumSquares > Peak)
        {
            Peak = SumSquares;
        }
    }

    public void Remove(double value)
    {
        var d = value - Shift;
        Sum -= d;
        SumSquares = Math.Max(0, SumSquares - (d * d));
    }

    /// <summary>Replaces the sums with an exact re-summation about a new shift.</summary>
    public void Rebuild(double shift, double sum, double sumSquares)
    {
        Shift = shift;
        Sum = sum;
        SumSquares = sumSquares;
        Peak = sumSquares;
    }
}
