using System.Collections.Immutable;
using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// A pre-computed loop of synthetic prices for the benchmark universe (one row per step, one column per symbol), from
/// <see cref="SyntheticFeed"/> (SPX follows RUT, USDT stays near 1). Step <c>k</c> is stamped
/// <see cref="StartMs"/> + k x <see cref="StepMs"/>, so a 1 s bar holds 100 steps = 10 000 ticks. The silo and the bare
/// loop read the same steps, so they see the same tick sequence.
/// </summary>
public sealed class BenchTape
{
    public const long StepMs = 10;
    public const int Rows = 2048;

    private readonly double[] _prices;
    private long _nextStep;

    public BenchTape(BenchUniverse universe, int seed, long startMs)
    {
        Universe = universe;
        StartMs = startMs;
        var width = universe.Symbols.Count;
        _prices = new double[Rows * width];
        var random = new Random(seed);
        var coins = BenchUniverse.CoinSymbols.Select(c => new SyntheticAsset(c, Math.Round(0.1 + (random.NextDouble() * 100), 4))).ToArray();
        var feed = new SyntheticFeed(
            new SyntheticFeedOptions { Seed = seed },
            new SyntheticStart(2600, new SyntheticAsset("BTC", 90_000), new SyntheticAsset("ETH", 3_000), coins, 7.5e11, 1.8e11));
        var column = universe.Symbols.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var step = new Tick[feed.TicksPerStep];
        for (var row = 0; row < Rows; row++)
        {
            var n = feed.Fill(step, (row + 1) * 60_000L);
            foreach (var tick in step.AsSpan(0, n))
            {
                if (column.TryGetValue(tick.Symbol, out var c))
                {
                    _prices[(row * width) + c] = tick.Price;
                }
            }

            _prices[(row * width) + column["SPX"]] = _prices[(row * width) + column["RUT"]] * 2.6;
            _prices[(row * width) + column["USDT"]] = 1 + (0.0005 * Math.Sin(row * 0.1));
        }
    }

    public BenchUniverse Universe { get; }

    public long StartMs { get; }

    public int Width => Universe.Symbols.Count;

    public double Price(long step, int column) => _prices[((int)(step % Rows) * Width) + column];

    public long TimeOf(long step) => StartMs + (step * StepMs);

    /// <summary>Takes the next <paramref name="steps"/> steps (thread-safe) as one batch, in time order.</summary>
    public ImmutableArray<Tick> NextBatch(int steps)
    {
        var first = Interlocked.Add(ref _nextStep, steps) - steps;
        var builder = ImmutableArray.CreateBuilder<Tick>(steps * Width);
        for (var k = first; k < first + steps; k++)
        {
            var time = TimeOf(k);
            for (var c = 0; c < Width; c++)
            {
                builder.Add(new Tick(Universe.Symbols[c], time, Price(k, c)));
            }
        }

        return builder.MoveToImmutable();
    }
}
