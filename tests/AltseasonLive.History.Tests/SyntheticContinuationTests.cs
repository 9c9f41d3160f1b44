using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.History.Tests;

public sealed class SyntheticContinuationTests
{
    private const long DayMs = 86_400_000;
    private static readonly DateOnly Monday = new(2026, 4, 20);
    private static readonly long FarFutureMs = SyntheticContinuation.StartMsOf(new DateOnly(2030, 1, 1));

    private static SyntheticContinuation Create(int seed = 1, int ticksPerDay = 4, DateOnly? firstDay = null, SyntheticFeedOptions? model = null) =>
        new(new SyntheticFeed(model ?? new SyntheticFeedOptions { Seed = seed }, SyntheticStart.Default), firstDay ?? Monday, ticksPerDay);

    /// <summary>Fills <paramref name="steps"/> times with the wall clock given per step; returns each step's ticks.</summary>
    private static List<Tick[]> Run(SyntheticContinuation continuation, int steps, Func<int, long> wallMs)
    {
        var buffer = new Tick[continuation.TicksPerStep];
        var result = new List<Tick[]>();
        for (var i = 0; i < steps; i++)
        {
            var n = continuation.Fill(buffer, wallMs(i));
            result.Add(buffer.AsSpan(0, n).ToArray());
        }

        return result;
    }

    private static DateOnly DayOf(long timeMs) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime);

    [Fact]
    public void Simulated_days_start_the_given_day_and_advance_one_day_per_TicksPerDay_steps()
    {
        var steps = Run(Create(ticksPerDay: 4), 4 * 10, _ => FarFutureMs);
        for (var i = 0; i < steps.Count; i++)
        {
            var expectedMs = SyntheticContinuation.StartMsOf(Monday.AddDays(i / 4)) + (i % 4 * (DayMs / 4));
            Assert.All(steps[i], t => Assert.Equal(expectedMs, t.TimeMs));
        }
    }

    [Fact]
    public void Each_simulated_day_opens_with_a_tick_at_midnight_and_keeps_its_intraday_ticks_inside_the_day()
    {
        var continuation = Create(ticksPerDay: 7);
        var steps = Run(continuation, 7 * 5, _ => FarFutureMs);
        foreach (var day in steps.Select((ticks, i) => (ticks, i)).GroupBy(x => x.i / 7))
        {
            var date = Monday.AddDays(day.Key);
            var btc = day.Select(x => x.ticks.Single(t => t.Symbol == "BTC")).ToArray();
            Assert.Equal(SyntheticContinuation.StartMsOf(date), btc[0].TimeMs);
            Assert.All(btc, t => Assert.Equal(date, DayOf(t.TimeMs)));
            Assert.Equal(btc.Length, btc.Select(t => t.TimeMs).Distinct().Count());
            Assert.NotEqual(btc[0].Price, btc[^1].Price);
        }

        Assert.Equal(Monday.AddDays(4), continuation.Day);
        Assert.False(continuation.CaughtUp);
    }

    [Fact]
    public void Rut_ticks_only_on_simulated_weekdays_while_crypto_ticks_every_day()
    {
        var ticks = Run(Create(ticksPerDay: 3), 3 * 14, _ => FarFutureMs).SelectMany(s => s).ToArray();
        var rutDays = ticks.Where(t => t.Symbol == "RUT").Select(t => DayOf(t.TimeMs)).Distinct().ToArray();
        var btcDays = ticks.Where(t => t.Symbol == "BTC").Select(t => DayOf(t.TimeMs)).Distinct().ToArray();
        var all = Enumerable.Range(0, 14).Select(Monday.AddDays).ToArray();
        Assert.Equal(all, btcDays);
        Assert.Equal(all.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)), rutDays);
        Assert.Equal(10, rutDays.Length);
    }

    [Fact]
    public void The_russell_2000_does_not_move_over_a_simulated_weekend()
    {
        const int perDay = 500;
        var steps = Run(Create(ticksPerDay: perDay), perDay * 8, _ => FarFutureMs);
        Assert.All(steps.Where(s => DayOf(s[0].TimeMs).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday), s => Assert.Equal(steps[0].Length - 1, s.Length));
        var rut = steps.SelectMany(s => s).Where(t => t.Symbol == "RUT").ToArray();
        var fridayClose = rut.Last(t => DayOf(t.TimeMs).DayOfWeek == DayOfWeek.Friday).Price;
        var mondayOpen = rut.First(t => DayOf(t.TimeMs) == Monday.AddDays(7)).Price;

        // One intraday step of RUT has sigma ~ 5e-4; two unfrozen days would have ~ 1.6e-2.
        Assert.InRange(Math.Abs(Math.Log(mondayOpen / fridayClose)), 0, 0.003);
    }

    [Fact]
    public void Switches_to_the_wall_clock_when_caught_up_and_never_stamps_the_future()
    {
        var continuation = Create(ticksPerDay: 4);
        var startMs = SyntheticContinuation.StartMsOf(Monday) + (3 * DayMs) + (DayMs / 2) + 1234;
        long Wall(int i) => startMs + (i * 500L);
        var steps = Run(continuation, 40, Wall);

        Assert.True(continuation.CaughtUp);
        var stamps = steps.Select(s => s[0].TimeMs).ToArray();
        for (var i = 0; i < steps.Count; i++)
        {
            Assert.All(steps[i], t => Assert.True(t.TimeMs <= Wall(i), "stamped after the wall clock"));
            Assert.All(steps[i], t => Assert.Equal(stamps[i], t.TimeMs));
        }

        Assert.True(stamps.Zip(stamps.Skip(1)).All(p => p.First < p.Second));
        var simulated = stamps.TakeWhile(s => s < startMs).Count();
        Assert.Equal((3 * 4) + 3, simulated);
        Assert.Equal(Enumerable.Range(simulated, 40 - simulated).Select(Wall), stamps.Skip(simulated));
        Assert.Equal(Monday.AddDays(3), continuation.Day);
    }

    [Fact]
    public void After_catching_up_the_model_moves_by_wall_time_at_the_live_time_scale()
    {
        var startMs = SyntheticContinuation.StartMsOf(Monday);
        double[] BtcPrices(double liveTimeScale)
        {
            var continuation = new SyntheticContinuation(new SyntheticFeed(new SyntheticFeedOptions { Seed = 9 }, SyntheticStart.Default), Monday, 4, liveTimeScale);
            var buffer = new Tick[continuation.TicksPerStep];
            return [.. new[] { startMs + 1, startMs + 3_600_001, startMs + 3_600_001 }.Select(wall =>
            {
                var n = continuation.Fill(buffer, wall);
                return buffer.AsSpan(0, n).ToArray().Single(t => t.Symbol == "BTC").Price;
            })];
        }

        var real = BtcPrices(1);
        var fast = BtcPrices(100);
        Assert.Equal(real[0], fast[0]);
        Assert.Equal(real[1], real[2]);
        var ratio = Math.Log(fast[1] / fast[0]) / Math.Log(real[1] / real[0]);
        Assert.InRange(ratio, 8, 12);
    }

    [Fact]
    public void A_first_day_after_the_wall_clock_starts_on_the_wall_clock()
    {
        var continuation = Create(firstDay: new DateOnly(2026, 12, 1));
        var wall = SyntheticContinuation.StartMsOf(new DateOnly(2026, 11, 23)) + 5_000;
        var steps = Run(continuation, 3, i => wall + i);
        Assert.True(continuation.CaughtUp);
        Assert.Equal([wall, wall + 1, wall + 2], steps.Select(s => s[0].TimeMs));
    }

    [Fact]
    public void Same_seed_gives_the_same_ticks_and_another_seed_does_not()
    {
        static Tick[] Ticks(int seed) => Run(Create(seed), 100, i => SyntheticContinuation.StartMsOf(Monday) + (10 * DayMs) + (i * 1000L)).SelectMany(s => s).ToArray();
        Assert.Equal(Ticks(7), Ticks(7));
        Assert.NotEqual(Ticks(7), Ticks(8));
    }

    [Fact]
    public void Regimes_switch_during_simulated_days_and_show_up_in_daily_return_correlation()
    {
        var model = new SyntheticFeedOptions { Seed = 3, MeanRegimeSteps = 160, CoupledCorrelation = 0.9, DecoupledCorrelation = -0.3, CryptoFactorShare = 1 };
        var continuation = Create(ticksPerDay: 4, model: model);
        var buffer = new Tick[continuation.TicksPerStep];
        var closes = new List<(DateOnly Day, double Rut, double Btc, SyntheticRegime Regime)>();
        for (var day = 0; day < 1200; day++)
        {
            double rut = double.NaN, btc = 0;
            var regimes = new HashSet<SyntheticRegime>();
            for (var k = 0; k < 4; k++)
            {
                var n = continuation.Fill(buffer, FarFutureMs);
                regimes.Add(continuation.Regime);
                foreach (var t in buffer.AsSpan(0, n))
                {
                    if (t.Symbol == "RUT")
                    {
                        rut = t.Price;
                    }
                    else if (t.Symbol == "BTC")
                    {
                        btc = t.Price;
                    }
                }
            }

            closes.Add((Monday.AddDays(day), rut, btc, regimes.Count == 1 ? continuation.Regime : (SyntheticRegime)(-1)));
        }

        var returns = closes.Zip(closes.Skip(1))
            .Where(p => p.Second.Day.DayOfWeek is >= DayOfWeek.Tuesday and <= DayOfWeek.Friday && p.Second.Regime == p.First.Regime)
            .Select(p => (p.Second.Regime, Rut: Math.Log(p.Second.Rut / p.First.Rut), Btc: Math.Log(p.Second.Btc / p.First.Btc)))
            .ToArray();
        double Correlation(SyntheticRegime regime)
        {
            var xs = returns.Where(r => r.Regime == regime).ToArray();
            Assert.True(xs.Length > 50, $"{xs.Length} days in {regime}");
            double mx = xs.Average(r => r.Rut), my = xs.Average(r => r.Btc);
            var cov = xs.Sum(r => (r.Rut - mx) * (r.Btc - my));
            return cov / Math.Sqrt(xs.Sum(r => (r.Rut - mx) * (r.Rut - mx)) * xs.Sum(r => (r.Btc - my) * (r.Btc - my)));
        }

        Assert.InRange(Correlation(SyntheticRegime.Coupled), 0.75, 1);
        Assert.InRange(Correlation(SyntheticRegime.Decoupled), -0.6, 0.1);
    }

    [Fact]
    public void Fill_allocates_nothing_per_step_in_either_phase()
    {
        var continuation = Create(ticksPerDay: 4);
        var buffer = new Tick[continuation.TicksPerStep];
        var wall = SyntheticContinuation.StartMsOf(Monday) + (20 * DayMs);
        continuation.Fill(buffer, wall);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i <= 200; i++)
        {
            continuation.Fill(buffer, wall + i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(continuation.CaughtUp);
    }

    [Fact]
    public void Catch_up_time_is_the_remaining_simulated_days_times_the_day_interval()
    {
        var continuation = Create();
        var wall = SyntheticContinuation.StartMsOf(Monday) + (10 * DayMs) + (DayMs / 2);
        Assert.Equal(TimeSpan.FromMilliseconds(21_000), continuation.CatchUpTime(wall, TimeSpan.FromSeconds(2)));
    }

    [Theory]
    [InlineData(0, 50, 2000, 27, 4)]
    [InlineData(0, 2000, 2000, 10, 400)]
    [InlineData(0, 1, 2000, 27, 4)]
    [InlineData(12, 50, 2000, 27, 12)]
    public void Ticks_per_day_is_the_option_or_derived_from_the_tick_rate(int ticksPerDay, double ticksPerSecond, double dayMs, int ticksPerStep, int expected)
    {
        var options = new SyntheticFeedServiceOptions { TicksPerDay = ticksPerDay, TicksPerSecond = ticksPerSecond, DayInterval = TimeSpan.FromMilliseconds(dayMs) };
        Assert.Equal(expected, options.EffectiveTicksPerDay(ticksPerStep));
    }
}
