using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Tests;

/// <summary>Scripted tick sequences and event reads through the public grain interfaces.</summary>
public static class Scenario
{
    /// <summary>2021-01-04 00:00 UTC plus whole days, at noon so that late/early tolerances never matter.</summary>
    public static long Day(int day) => new DateTimeOffset(2021, 1, 4, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds() + (day * TestConfig.DayMs);

    public static long BarStart(int day) => Day(day) - (TestConfig.DayMs / 2);

    public static async Task<long> LastSequence(IClusterClient client) =>
        (await client.GetGrain<IEventLogGrain>(0).GetSince(long.MaxValue - 1, 0)).LastSequence;

    public static async Task<List<MarketEvent>> EventsAfter(IClusterClient client, long afterSequence)
    {
        var events = new List<MarketEvent>();
        var log = client.GetGrain<IEventLogGrain>(0);
        while (true)
        {
            var page = await log.GetSince(afterSequence, 100);
            events.AddRange(page.Events);
            if (!page.HasMore || page.Events.IsEmpty)
            {
                return events;
            }

            afterSequence = page.Events[^1].Sequence;
        }
    }

    /// <summary>Feeds one batch per entry and asserts every tick was accepted.</summary>
    public static async Task Feed(IClusterClient client, IEnumerable<ImmutableArray<Tick>> batches)
    {
        var ingest = client.GetGrain<ITickIngestGrain>(0);
        foreach (var batch in batches)
        {
            var result = await ingest.Ingest(batch);
            Assert.Empty(result.Rejections);
        }
    }

    /// <summary>One daily close per symbol per day, as batches of one day each.</summary>
    public static IEnumerable<ImmutableArray<Tick>> Daily(IReadOnlyDictionary<string, double[]> closes, int firstDay = 0)
    {
        var days = closes.Values.Min(c => c.Length);
        for (var d = 0; d < days; d++)
        {
            yield return [.. closes.Select(c => new Tick(c.Key, Day(firstDay + d), c.Value[d]))];
        }
    }

    /// <summary>
    /// Two price paths whose per-bar log returns have correlation about <c>rho[t]</c> at bar t (deterministic seed).
    /// Leg A: 1% daily volatility; leg B: same, mixed with independent noise.
    /// </summary>
    public static (double[] A, double[] B) Correlated(IReadOnlyList<double> rho, int seed)
    {
        var random = new Random(seed);
        var a = new double[rho.Count + 1];
        var b = new double[rho.Count + 1];
        a[0] = 100;
        b[0] = 50;
        for (var t = 0; t < rho.Count; t++)
        {
            var ra = 0.01 * Gaussian(random);
            var noise = 0.01 * Gaussian(random);
            var rb = (rho[t] * ra) + (Math.Sqrt(1 - (rho[t] * rho[t])) * noise);
            a[t + 1] = a[t] * Math.Exp(ra);
            b[t + 1] = b[t] * Math.Exp(rb);
        }

        return (a, b);
    }

    public static double[] Phases(params (int Bars, double Rho)[] phases) =>
        [.. phases.SelectMany(p => Enumerable.Repeat(p.Rho, p.Bars))];

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
