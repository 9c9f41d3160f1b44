using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Altcoin Season Index: of the largest coins by market cap (class Coin only, so stablecoins and wrapped/staked tokens
/// are out; BTC is the benchmark, not a member), the percent whose return over the lookback beat BTC's. Returns use
/// daily closes (UTC days): the latest close against the last close on or before the day <c>lookbackDays</c> earlier.
/// Coins without that much history are left out of the count; too few coins leave the index undefined.
/// </summary>
public static class AltseasonIndex
{
    public const string Benchmark = "BTC";

    public const long DayMs = 86_400_000;

    public static (double? Index, int Coins) Compute(
        IReadOnlyDictionary<string, double> caps,
        IReadOnlyDictionary<string, SortedDictionary<long, double>> dailyCloses,
        Func<string, AssetClass?> classOf,
        long day,
        int lookbackDays,
        int topCoins,
        int minCoins)
    {
        if (!dailyCloses.TryGetValue(Benchmark, out var btc) || Return(btc, day, lookbackDays) is not { } btcReturn)
        {
            return (null, 0);
        }

        var members = caps
            .Where(c => c.Key != Benchmark && classOf(c.Key) == AssetClass.Coin)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(topCoins)
            .Select(c => dailyCloses.TryGetValue(c.Key, out var closes) ? Return(closes, day, lookbackDays) : null)
            .OfType<double>()
            .ToList();

        if (members.Count < Math.Max(1, minCoins))
        {
            return (null, members.Count);
        }

        return (100.0 * members.Count(r => r > btcReturn) / members.Count, members.Count);
    }

    /// <summary>Keeps a coin's close for its UTC day and forgets days older than the lookback needs.</summary>
    /// <remarks>
    /// Trims only when the tick starts a day not kept yet: a later close of a kept day changes no day the trim looks at,
    /// and a trim walks the sorted keys with an enumerator that allocates (this runs for every coin tick).
    /// </remarks>
    public static void Record(SortedDictionary<long, double> closes, long timeMs, double price, int lookbackDays)
    {
        var day = timeMs / DayMs;
        var days = closes.Count;
        closes[day] = price;
        var dayAdded = closes.Count > days;
        while (dayAdded && closes.Count >= 2)
        {
            using var keys = closes.Keys.GetEnumerator();
            keys.MoveNext();
            var first = keys.Current;
            keys.MoveNext();
            if (keys.Current > day - lookbackDays)
            {
                break;
            }

            closes.Remove(first);
        }
    }

    private static double? Return(SortedDictionary<long, double> closes, long day, int lookbackDays)
    {
        if (closes.Count == 0 || closes.Last().Key is var lastDay && lastDay < day - 1)
        {
            return null;
        }

        var start = day - lookbackDays;
        double? past = null;
        foreach (var (d, close) in closes)
        {
            if (d > start)
            {
                break;
            }

            past = close;
        }

        return past is { } p ? (closes.Last().Value / p) - 1 : null;
    }
}
