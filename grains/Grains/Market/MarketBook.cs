using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Ticks;
using AltseasonLive.Grains.Universe;
using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// The market's rules over its <see cref="MarketState"/>: coin ticks update market caps and daily closes; at each coin
/// bar close the composites are recomputed (handed back as ticks, so TOTAL3 etc. are assets like any other) and the
/// Altcoin Season Index is re-evaluated. Composite and dominance series a feed supplies itself replace the computed
/// ones for that symbol; dominance series are checked against their levels at each of their bar closes. Plain maths
/// over the state: no grain, no I/O (the <see cref="MarketGrain"/> stores it and forwards what it returns).
/// </summary>
public sealed class MarketBook(UniverseCatalog universe, MarketSignalOptions signals, long barSizeMs, double compositeTolerance)
{
    private readonly AltseasonIndexParameters _altseason = new(signals.AltseasonTopCoins, signals.AltseasonLookbackDays, signals.AltseasonMinCoins);

    /// <summary>
    /// Applies <paramref name="ticks"/> (accepted by their asset grains) to <paramref name="state"/>: composites to hand
    /// back go to <paramref name="composites"/>, raised events to <paramref name="events"/> and the index's daily closes
    /// to <paramref name="indexCloses"/>.
    /// </summary>
    public void Apply(MarketState state, ImmutableArray<Tick> ticks, ImmutableArray<Tick>.Builder composites, List<MarketEvent> events, List<HistoryPoint> indexCloses)
    {
        var ordered = TickOrder.IsByTime(ticks) ? ticks : [.. ticks.OrderBy(t => t.TimeMs)];
        foreach (var tick in ordered)
        {
            if (!universe.TryGetAsset(tick.Symbol, out var asset))
            {
                // An unlisted symbol gets here only once its asset grain took it for a coin (it came with a market
                // cap): it counts in the Altcoin Season Index and nowhere else.
                OnCoinTick(state, tick, AssetClass.Coin, supply: null, composites, events, indexCloses);
            }
            else
            {
                switch (asset.Class)
                {
                    case AssetClass.Coin or AssetClass.Stablecoin:
                        OnCoinTick(state, tick, asset.Class, asset.Supply, composites, events, indexCloses);
                        break;
                    case AssetClass.Composite or AssetClass.Dominance:
                        state.Supplied.Add(tick.Symbol);
                        state.SeriesSources[tick.Symbol] = tick.Source ?? TickSources.Publisher;
                        OnSeriesValue(state, tick.Symbol, tick.TimeMs, tick.Price, events);
                        break;
                }
            }

            state.TimeMs = Math.Max(state.TimeMs, tick.TimeMs);
        }

        if (state.CompositesDirty)
        {
            EmitComposites(state, composites, events);
            UpdateAltseasonIndex(state, events: null);
        }
    }

    /// <summary>Verdicts on feed-supplied composites and dominances: consistent with each other and with the stored series.</summary>
    public ImmutableArray<TickRejectReason> CheckComposites(MarketState state, ImmutableArray<Tick> ticks)
    {
        // Against the stored series and, separately, the earlier ticks of the call: a tick its asset grain may still
        // refuse (1e-300 for BTC.D) can make a later one fail, never pass. TOTAL, TOTAL2 and TOTAL3 are compared only
        // with values of the same bar (see CompositeConsistency.IsLevel).
        var stored = SuppliedValues(state, bar: null);
        var storedInBar = new Dictionary<long, Dictionary<string, double>>();
        var earlier = new Dictionary<long, Dictionary<string, double>>();
        var verdicts = ImmutableArray.CreateBuilder<TickRejectReason>(ticks.Length);
        foreach (var tick in ticks)
        {
            var bar = BarClock.IndexOf(tick.TimeMs, barSizeMs);
            if (!storedInBar.TryGetValue(bar, out var inBar))
            {
                storedInBar[bar] = inBar = SuppliedValues(state, bar);
                earlier[bar] = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            var verdict = CompositeConsistency.Check(tick.Symbol, tick.Price, CompositeConsistency.IsLevel(tick.Symbol) ? inBar : stored, compositeTolerance);
            if (verdict == TickRejectReason.None)
            {
                verdict = CompositeConsistency.Check(tick.Symbol, tick.Price, earlier[bar], compositeTolerance);
            }

            verdicts.Add(verdict);
            if (verdict == TickRejectReason.None)
            {
                earlier[bar][tick.Symbol] = tick.Price;
            }
        }

        return verdicts.MoveToImmutable();
    }

    public MarketSnapshot Snapshot(MarketState state)
    {
        double? Value(string symbol) => state.Series.TryGetValue(symbol, out var bar) ? bar.Value : null;
        return new MarketSnapshot(
            state.TimeMs,
            Value("TOTAL"),
            Value("TOTAL2"),
            Value("TOTAL3"),
            Value("BTC.D"),
            Value("ETH.D"),
            Value("USDT.D"),
            state.AltseasonIndex,
            state.Phase.Phase,
            state.AltseasonCoins,
            [.. state.Supplied.Order(StringComparer.Ordinal)],
            SeriesSources(state));
    }

    private void OnCoinTick(MarketState state, in Tick tick, AssetClass assetClass, double? supply, ImmutableArray<Tick>.Builder composites, List<MarketEvent> events, List<HistoryPoint> indexCloses)
    {
        var bar = BarClock.IndexOf(tick.TimeMs, barSizeMs);
        if (state.HasCoinBar && bar > state.CoinBarIndex)
        {
            if (state.CompositesDirty)
            {
                EmitComposites(state, composites, events);
            }

            UpdateAltseasonIndex(state, events);
            if (state.AltseasonIndex is { } index)
            {
                indexCloses.Add(new HistoryPoint(BarClock.StartOf(state.CoinBarIndex, barSizeMs), index));
            }
        }

        if (!state.HasCoinBar || bar > state.CoinBarIndex)
        {
            state.HasCoinBar = true;
            state.CoinBarIndex = bar;
        }

        if ((tick.MarketCap ?? ((tick.Supply ?? supply) * tick.Price)) is { } cap)
        {
            state.Caps[tick.Symbol] = cap;
        }

        // The index counts a coin on the days a tick carried its cap (as the CLI counts the panel's cap days); a
        // configured supply feeds TOTAL and the dominances only.
        if (tick.MarketCap is not null || tick.Supply is not null)
        {
            state.CapDays[tick.Symbol] = tick.TimeMs / AltseasonIndex.DayMs;
        }

        if (assetClass == AssetClass.Coin)
        {
            if (!state.DailyCloses.TryGetValue(tick.Symbol, out var closes))
            {
                state.DailyCloses[tick.Symbol] = closes = [];
            }

            AltseasonIndex.Record(closes, tick.TimeMs, tick.Price, signals.AltseasonLookbackDays);
        }

        state.LastCoinTimeMs = Math.Max(state.LastCoinTimeMs, tick.TimeMs);
        state.CoinSource = tick.Source ?? TickSources.Publisher;
        state.CompositesDirty = true;
    }

    private void EmitComposites(MarketState state, ImmutableArray<Tick>.Builder composites, List<MarketEvent> events)
    {
        state.CompositesDirty = false;
        foreach (var (symbol, value) in CompositeSeries.Compute(state.Caps, ClassOf, SuppliedValues(state, bar: null)))
        {
            if (state.Supplied.Contains(symbol) || !(value > 0))
            {
                continue;
            }

            OnSeriesValue(state, symbol, state.LastCoinTimeMs, value, events);
            state.SeriesSources[symbol] = state.CoinSource ?? TickSources.Publisher;
            if (universe.IsKnown(symbol))
            {
                composites.Add(new Tick(symbol, state.LastCoinTimeMs, value, Source: state.CoinSource));
            }
        }
    }

    private void UpdateAltseasonIndex(MarketState state, List<MarketEvent>? events)
    {
        var day = state.LastCoinTimeMs / AltseasonIndex.DayMs;
        if (day != state.AltseasonDay)
        {
            AltseasonIndex.ForgetStale(state, s => ClassOf(s) is null && !universe.IsUnlistedCoin(s), day, signals.AltseasonLookbackDays);
            state.AltseasonDay = day;
        }

        var result = AltseasonIndex.Compute(state, ClassOf, day, _altseason);
        var (index, coins) = (result.Index, result.CoinsCounted);
        state.AltseasonIndex = index;
        state.AltseasonCoins = coins;
        if (index is not { } value)
        {
            return;
        }

        if (events is not null && state.Phase.OnValue(state.LastCoinTimeMs, value, signals) is { } changed)
        {
            events.Add(changed);
        }
        else if (state.Phase.Phase == AltseasonPhase.Unknown)
        {
            state.Phase.OnValue(state.LastCoinTimeMs, value, signals);
        }
    }

    private void OnSeriesValue(MarketState state, string symbol, long timeMs, double value, List<MarketEvent> events) =>
        SeriesBook.OnValue(state, symbol, timeMs, value, barSizeMs, signals, events);

    /// <summary>The latest value of each feed-supplied composite or dominance series (in bar <paramref name="bar"/> only, when given).</summary>
    private Dictionary<string, double> SuppliedValues(MarketState state, long? bar)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var symbol in state.Supplied)
        {
            if (state.Series.TryGetValue(symbol, out var series) && (bar is null || series.BarIndex == bar))
            {
                values[symbol] = series.Value;
            }
        }

        return values;
    }

    private ImmutableSortedDictionary<string, SeriesSource> SeriesSources(MarketState state)
    {
        var sources = state.Series.Where(p => state.SeriesSources.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => new SeriesSource(state.SeriesSources[p.Key], p.Value.TimeMs));
        if (state.AltseasonIndex is not null && state.CoinSource is { } coins)
        {
            sources["ASI"] = new SeriesSource(coins, state.LastCoinTimeMs);
        }

        return sources.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    public AssetClass? ClassOf(string symbol) => universe.TryGetAsset(symbol, out var asset) ? asset.Class : null;

    /// <summary>The live values of the composites, dominances and the index, for the dashboards.</summary>
    public ImmutableArray<SeriesUpdate> LiveSeries(MarketState state) => SeriesBook.LiveSeries(state, ClassOf);
}
