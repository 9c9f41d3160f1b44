using System.Globalization;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Silo.Cli;

namespace AltseasonLive.History.Tests;

/// <summary>
/// The bundled history replayed through the grains gives, on every day, the Altcoin Season Index the <c>altseason</c>
/// CLI writes, and every season change follows the CLI's series under the documented rule (enter altcoin season at
/// 75 or more, Bitcoin season at 25 or less; leave a season only 10 points inside it; the first value sets the phase
/// without an event). Only what the index needs is replayed: BTC, ETH and the panel's coins, every day.
/// </summary>
public sealed class AltseasonReplayTests
{
    private const double AltcoinSeason = 75;
    private const double BitcoinSeason = 25;
    private const double Hysteresis = 10;

    [Fact]
    public async Task Grains_index_equals_the_cli_on_every_day_and_every_season_change_follows_the_cli_series()
    {
        var history = new BundledHistory();
        var panel = history.Coins;
        var dates = panel.Dates();
        using var temp = new TempFolder();
        var path = temp.File("altseason.csv");
        Assert.Equal(0, CliApp.Run(["altseason", "--out", path], new StringWriter()));
        var cli = StandardCsv.Read(path).Skip(1).ToDictionary(
            r => DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r => (Index: r[1], Coins: int.Parse(r[2], CultureInfo.InvariantCulture)));

        var symbols = panel.Symbols.Append(HistorySymbols.Btc).Append(HistorySymbols.Eth).ToHashSet(StringComparer.Ordinal);
        var replay = new HistoryReplay(history, new HistoryReplayOptions { From = dates[0], To = dates[^1], Symbols = symbols });
        var grains = new Dictionary<DateOnly, (string Index, int Coins)>();
        var events = new List<MarketEvent>();
        await using (var cluster = await DailyBarsCluster.StartAsync())
        {
            var market = cluster.Client.GetGrain<IMarketGrain>(0);
            long last = 0;
            foreach (var day in replay.Days)
            {
                var result = await cluster.IngestAsync(day.Ticks);
                // A coin's day without a market cap is no unlisted-coin tick (nothing says it is a coin): refused.
                Assert.All(result.Rejections, r => Assert.Null(day.Ticks[r.Index].MarketCap));
                var snapshot = await market.GetSnapshot();
                grains[day.Date] = (CliFormat(snapshot.AltseasonIndex), snapshot.AltseasonCoins);
                last = await cluster.DrainEventsAsync(last, events);
            }
        }

        // Every replayed day the same index (to the CLI's two decimals), and where it is defined the same count of
        // coins. (Where it is not, ETH's count may differ: the replay sends its cap from CryptoQuant, from 2017-07-14.)
        var mismatches = grains.Where(g => !cli.TryGetValue(g.Key, out var c) || c.Index != g.Value.Index || (c.Index.Length > 0 && c.Coins != g.Value.Coins))
            .Select(g => $"{g.Key:yyyy-MM-dd}: grains {g.Value}, cli {cli.GetValueOrDefault(g.Key)}")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} days differ, first: {string.Join("; ", mismatches.Take(5))}");
        // Days the replay has no tick for have no index in the CLI either.
        Assert.All(cli.Where(c => !grains.ContainsKey(c.Key)), c => Assert.Equal("", c.Value.Index));
        Assert.True(grains.Count(g => g.Value.Index.Length > 0) > 1000, "the index is defined on more than a thousand days");

        // The grains evaluate a day when the next day's first coin tick closes it: the last day never emits.
        var expected = SeasonChanges(cli.Where(c => c.Key < replay.Days[^1].Date).OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Index)));
        var actual = events.OfType<AltseasonChanged>()
            .Select(e => (Date: DateOnly.FromDateTime(e.Time.UtcDateTime), Index: CliFormat(e.Index), e.From, e.To))
            .ToList();
        Assert.True(expected.Count >= 15, $"the CLI's series implies {expected.Count} season changes");
        Assert.Equal(expected, actual);
    }

    /// <summary>The documented season rule, applied as a plain loop over the CLI's daily values (empty cells skipped).</summary>
    private static List<(DateOnly Date, string Index, AltseasonPhase From, AltseasonPhase To)> SeasonChanges(IEnumerable<(DateOnly Date, string Index)> days)
    {
        var changes = new List<(DateOnly, string, AltseasonPhase, AltseasonPhase)>();
        var phase = AltseasonPhase.Unknown;
        foreach (var (date, text) in days)
        {
            if (text.Length == 0)
            {
                continue;
            }

            var v = double.Parse(text, CultureInfo.InvariantCulture);
            var next =
                phase == AltseasonPhase.AltcoinSeason && v >= AltcoinSeason - Hysteresis ? phase
                : phase == AltseasonPhase.BitcoinSeason && v <= BitcoinSeason + Hysteresis ? phase
                : v >= AltcoinSeason ? AltseasonPhase.AltcoinSeason
                : v <= BitcoinSeason ? AltseasonPhase.BitcoinSeason
                : AltseasonPhase.Neutral;
            if (phase != AltseasonPhase.Unknown && next != phase)
            {
                changes.Add((date, text, phase, next));
            }

            phase = next;
        }

        return changes;
    }

    private static string CliFormat(double? index) => index is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";
}
