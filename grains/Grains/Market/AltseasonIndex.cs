using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// The market grain's side of the Altcoin Season Index: it keeps, per coin, the daily closes (UTC days) and the day of
/// the latest market cap, and hands day D's candidates to <see cref="AltseasonIndexRule"/>, the definition the
/// <c>altseason</c> CLI uses too. A coin is a candidate when its class is Coin (configured, or unlisted coins that
/// arrive with a market cap), its latest cap is from D and it has closes on D and on exactly D minus the look-back.
/// </summary>
public static class AltseasonIndex
{
    public const string Benchmark = AltseasonIndexRule.Benchmark;

    public const long DayMs = 86_400_000;

    /// <summary>The index on <paramref name="day"/> (UTC day number since the epoch) from the market state.</summary>
    public static AltseasonIndexResult Compute(MarketState state, Func<string, AssetClass?> classOf, long day, AltseasonIndexParameters parameters)
    {
        var start = day - parameters.LookbackDays;
        double? btcNow = null, btcThen = null;
        if (state.DailyCloses.TryGetValue(Benchmark, out var btc))
        {
            btcNow = btc.TryGetValue(day, out var now) ? now : null;
            btcThen = btc.TryGetValue(start, out var then) ? then : null;
        }

        var candidates = new List<AltseasonCandidate>(state.DailyCloses.Count);
        foreach (var (symbol, closes) in state.DailyCloses)
        {
            if (classOf(symbol) is AssetClass.Coin or null
                && state.CapDays.TryGetValue(symbol, out var capDay) && capDay == day
                && state.Caps.TryGetValue(symbol, out var cap)
                && closes.TryGetValue(day, out var now)
                && closes.TryGetValue(start, out var then))
            {
                candidates.Add(new AltseasonCandidate(symbol, cap, now, then));
            }
        }

        return AltseasonIndexRule.Compute(btcNow, btcThen, candidates, parameters);
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

    /// <summary>
    /// Forgets the coins <paramref name="forgettable"/> allows (unlisted and unconfigured: they only ever come with a
    /// market cap) whose latest cap is older than the look-back: they cannot be candidates before they tick again, and
    /// a feed's top-250 list changes over time. Returns how many were dropped.
    /// </summary>
    public static int ForgetStale(MarketState state, Func<string, bool> forgettable, long day, int lookbackDays)
    {
        List<string>? stale = null;
        foreach (var symbol in state.DailyCloses.Keys)
        {
            if (forgettable(symbol) && (!state.CapDays.TryGetValue(symbol, out var last) || last < day - lookbackDays))
            {
                (stale ??= []).Add(symbol);
            }
        }

        foreach (var symbol in stale ?? [])
        {
            state.DailyCloses.Remove(symbol);
            state.Caps.Remove(symbol);
            state.CapDays.Remove(symbol);
        }

        return stale?.Count ?? 0;
    }
}
