using System.Globalization;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Silo.Cli;

namespace AltseasonLive.History.Tests;

/// <summary>
/// Every sign flip the grains raise over the bundled history states dates that the <c>correlate</c> CLI output alone
/// confirms: a plain loop over that output finds the same flips (beyond ±0.05 on the other side of zero), the same
/// last day on this side of zero before the current run, and the same last day beyond the hysteresis.
/// </summary>
public sealed class SignFlipClaimTests
{
    private const double Hysteresis = 0.05;

    [Fact]
    public async Task Every_sign_flip_over_the_history_claims_dates_a_plain_loop_over_the_correlate_output_confirms()
    {
        var history = new BundledHistory();
        var events = new List<MarketEvent>();
        await using (var cluster = await DailyBarsCluster.StartAsync())
        {
            long last = 0;
            foreach (var day in new HistoryReplay(history, new HistoryReplayOptions()).Days)
            {
                await cluster.IngestAsync(day.Ticks);
                last = await cluster.DrainEventsAsync(last, events);
            }
        }

        var flips = events.OfType<CorrelationSignFlip>().ToList();
        Assert.True(flips.Count > 100, $"{flips.Count} sign flips over the history");
        using var temp = new TempFolder();
        var checkedPairs = 0;
        var differ = new List<string>();
        foreach (var pair in flips.GroupBy(f => f.Pair))
        {
            var expected = Recompute(Correlate(temp, pair.Key));
            var actual = pair.Select(f => new Claim(
                Date(f.TimeMs), f.Negative, f.PreviousTimeMs is { } p ? Date(p) : null, f.PreviousBeyondTimeMs is { } b ? Date(b) : null)).ToList();
            if (!expected.SequenceEqual(actual))
            {
                differ.Add($"{pair.Key}: {actual.Count} events, {expected.Count} recomputed, first difference at {expected.Zip(actual).TakeWhile(x => x.First == x.Second).Count()}");
                continue;
            }

            Assert.All(pair, f => Assert.Contains(f.PreviousTimeMs is { } p ? $"since {Date(p):yyyy-MM-dd}" : "on record", f.Describe()));
            checkedPairs++;
        }

        Assert.True(differ.Count == 0, string.Join("\n", differ));
        Assert.True(checkedPairs >= 12, $"{checkedPairs} pair-windows checked");
    }

    /// <summary>The documented rule as a plain loop over the CLI's rows (empty cells are windows not yet full: skipped).</summary>
    private static List<Claim> Recompute(IReadOnlyList<(DateOnly Date, double? Value)> rows)
    {
        var claims = new List<Claim>();
        var sign = 0;
        var defined = rows.Where(r => r.Value is not null).Select(r => (r.Date, Value: r.Value!.Value)).ToList();
        for (var i = 0; i < defined.Count; i++)
        {
            var v = defined[i].Value;
            var side = v > Hysteresis ? 1 : v < -Hysteresis ? -1 : 0;
            if (side == 0)
            {
                continue;
            }

            if (sign != 0 && side != sign)
            {
                var runStart = i;
                while (runStart > 0 && Math.Sign(defined[runStart - 1].Value) == side)
                {
                    runStart--;
                }

                DateOnly? previous = null, beyond = null;
                for (var j = runStart - 1; j >= 0 && previous is null; j--)
                {
                    if (Math.Sign(defined[j].Value) == side)
                    {
                        previous = defined[j].Date;
                    }
                }

                for (var j = i - 1; j >= 0 && beyond is null; j--)
                {
                    if (defined[j].Value * side > Hysteresis)
                    {
                        beyond = defined[j].Date;
                    }
                }

                claims.Add(new Claim(defined[i].Date, side < 0, previous, beyond));
            }

            sign = side;
        }

        return claims;
    }

    /// <summary>
    /// The CLI's rows for the pair-window, with the cells the replay cannot have yet emptied: the grains start on
    /// <see cref="HistoryReplayOptions.DefaultFrom"/>, so their first full window ends on the window-th pair bar from
    /// then (levels), or the one after (returns: the first bar only sets the base price).
    /// </summary>
    private static IReadOnlyList<(DateOnly Date, double? Value)> Correlate(TempFolder temp, PairWindowKey key)
    {
        var path = temp.File($"{key.Anchor}-{key.Partner}-{key.Window}-{key.Mode}.csv");
        string[] args = ["correlate", "--a", key.Anchor, "--b", key.Partner, "--window", key.Window.ToString(CultureInfo.InvariantCulture), "--mode", key.Mode.ToString().ToLowerInvariant(), "--out", path];
        Assert.Equal(0, CliApp.Run(args, new StringWriter()));
        var rows = StandardCsv.Read(path).Skip(1)
            .Select(r => (Date: DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Value: r[1].Length > 0 ? double.Parse(r[1], CultureInfo.InvariantCulture) : (double?)null))
            .ToList();
        var warmUp = key.Mode == CorrelationMode.Returns ? key.Window : key.Window - 1;
        var sinceStart = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Date < HistoryReplayOptions.DefaultFrom || sinceStart++ < warmUp)
            {
                rows[i] = (rows[i].Date, null);
            }
        }

        return rows;
    }

    private static DateOnly Date(long timeMs) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime);

    private sealed record Claim(DateOnly Date, bool Negative, DateOnly? Previous, DateOnly? PreviousBeyond);
}
