namespace AltseasonLive.Statistics.Tests;

/// <summary>Two correlated geometric random walks, seeded for reproducibility.</summary>
internal sealed class RandomWalk(int seed, double startA = 100, double startB = 50, double step = 0.02, double rho = 0.6)
{
    private readonly Random _random = new(seed);

    public double A { get; private set; } = startA;

    public double B { get; private set; } = startB;

    public (double A, double B) Next()
    {
        var z1 = Gaussian();
        var z2 = (rho * z1) + (Math.Sqrt(1 - (rho * rho)) * Gaussian());
        A *= Math.Exp(step * z1);
        B *= Math.Exp(step * z2);
        return (A, B);
    }

    /// <summary>A price near the current one, as an intrabar revision would be, without moving the walk.</summary>
    public (double A, double B) Nudge() => (A * Math.Exp(0.3 * step * Gaussian()), B * Math.Exp(0.3 * step * Gaussian()));

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public double Gaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
