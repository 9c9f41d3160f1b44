using System.Diagnostics;
using AltseasonLive.Statistics;

namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// The practical limit: the correlation arithmetic of the silo's correlation groups for the same slots and tick
/// sequence, on one thread, with no runtime. Like the grains' <c>CorrelationBanks</c> for the Returns-only benchmark
/// universe, every anchor has one Returns <see cref="CorrelationBank"/> with one slot per partner and window, added in
/// the same order (partner, then window); an anchor tick revises all its slots (<c>ReviseA</c>), a partner tick its own
/// (<c>ReviseB</c>), and the banks commit when a tick opens a new bar. With <c>includeLevels</c> every anchor also gets
/// a Levels bank revised alongside: the arithmetic the grains did before they built only the configured modes.
/// </summary>
public sealed class BareLoop
{
    private readonly BenchTape _tape;
    private readonly CorrelationBank[] _banks;
    private readonly Route[][] _routes;
    private readonly Dictionary<(string Anchor, string Partner, int Window), (CorrelationBank Bank, int Slot)> _returnsSlots = [];
    private long _step;
    private long _bar = -1;

    public BareLoop(BenchTape tape, bool includeLevels = false)
    {
        _tape = tape;
        var universe = tape.Universe;
        var column = universe.Symbols.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var routes = universe.Symbols.Select(_ => new List<Route>()).ToArray();
        var banks = new List<CorrelationBank>();
        foreach (var (anchor, partners) in universe.Groups)
        {
            var returns = new CorrelationBank(CorrelationMode.Returns);
            var levels = includeLevels ? new CorrelationBank(CorrelationMode.Levels) : null;
            banks.Add(returns);
            if (levels is not null)
            {
                banks.Add(levels);
            }

            routes[column[anchor]].Add(new Route(returns, levels, null));
            foreach (var partner in partners)
            {
                var slots = BenchUniverse.Windows.Select(w =>
                {
                    var slot = returns.AddWindow(w);
                    levels?.AddWindow(w);
                    _returnsSlots[(anchor, partner, w)] = (returns, slot);
                    return slot;
                }).ToArray();
                routes[column[partner]].Add(new Route(returns, levels, slots));
            }
        }

        _banks = [.. banks];
        _routes = [.. routes.Select(r => r.ToArray())];
    }

    /// <summary>Slots per bank, summed over banks.</summary>
    public int Slots => _banks.Sum(b => b.Count);

    /// <summary>Statistics of one Returns pair-window (anchor, partner, window in bars), in-progress bar included.</summary>
    public CorrelationStats ReturnsStats(string anchor, string partner, int window)
    {
        var (bank, slot) = _returnsSlots[(anchor, partner, window)];
        return bank.GetStats(slot);
    }

    /// <summary>Processes <paramref name="steps"/> steps (one tick per symbol each) and returns the ticks processed.</summary>
    public long Run(long steps)
    {
        var width = _tape.Width;
        var stepsPerBar = 1000 / BenchTape.StepMs;
        for (var n = 0; n < steps; n++, _step++)
        {
            var bar = _step / stepsPerBar;
            if (bar != _bar)
            {
                if (_bar >= 0)
                {
                    foreach (var bank in _banks)
                    {
                        bank.CommitBar();
                    }
                }

                _bar = bar;
            }

            for (var c = 0; c < width; c++)
            {
                var price = _tape.Price(_step, c);
                foreach (var route in _routes[c])
                {
                    if (route.Slots is null)
                    {
                        route.Returns.ReviseA(price);
                        route.Levels?.ReviseA(price);
                        continue;
                    }

                    foreach (var slot in route.Slots)
                    {
                        route.Returns.ReviseB(slot, price);
                        route.Levels?.ReviseB(slot, price);
                    }
                }
            }
        }

        return steps * width;
    }

    /// <summary>
    /// Warms up (fills every window), then runs for <paramref name="duration"/> and reports ticks/s and the bytes this
    /// thread allocated per tick in that steady state.
    /// </summary>
    public BareLoopResult Measure(TimeSpan duration)
    {
        var stepsPerBar = 1000 / BenchTape.StepMs;
        Run(stepsPerBar * (BenchUniverse.Windows.Max() + 5));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long ticks = 0;
        while (clock.Elapsed < duration)
        {
            ticks += Run(1000);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new BareLoopResult(ticks, seconds, ticks / seconds, (double)bytes / ticks, Slots);
    }

    private sealed record Route(CorrelationBank Returns, CorrelationBank? Levels, int[]? Slots);
}

/// <summary>Bare-loop outcome: ticks per second and bytes allocated per tick on the statistics path (steady state).</summary>
public sealed record BareLoopResult(long Ticks, double Seconds, double TicksPerSecond, double BytesPerTick, int Slots);
