using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Ticks;
using AltseasonLive.Grains.Universe;
using AltseasonLive.Statistics.Altseason;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// The market (key 0). Coin ticks update market caps and daily closes; at each coin bar close the composites are
/// recomputed (returned to the caller as ticks, so TOTAL3 etc. are assets like any other) and the Altcoin Season Index
/// is re-evaluated. Composite and dominance series a feed supplies itself replace the computed ones for that symbol.
/// Dominance series are checked against their levels at each of their bar closes.
/// </summary>
public sealed partial class MarketGrain : Grain, IMarketGrain
{
    private readonly IPersistentState<MarketState> _state;
    private readonly UniverseCatalog _universe;
    private readonly MarketSignalOptions _signals;
    private readonly long _barSizeMs;
    private readonly double _compositeTolerance;
    private readonly PlausibilityOptions _plausibility;
    private readonly ILogger<MarketGrain> _logger;
    private readonly WriteThrottle _throttle;
    private readonly AltseasonIndexParameters _altseason;
    private readonly List<HistoryPoint> _indexCloses = [];

    public MarketGrain(
        [PersistentState("market", StorageNames.Default)] IPersistentState<MarketState> state,
        UniverseCatalog universe,
        IOptions<MarketSignalOptions> signals,
        IOptions<BarOptions> bars,
        IOptions<StorageOptions> storage,
        IOptions<PlausibilityOptions> plausibility,
        TimeProvider clock,
        ILogger<MarketGrain> logger)
    {
        _plausibility = plausibility.Value;
        _logger = logger;
        _compositeTolerance = plausibility.Value.CompositeTolerance;
        _state = state;
        _universe = universe;
        _signals = signals.Value;
        _barSizeMs = (long)bars.Value.BarSize.TotalMilliseconds;
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
        _altseason = new AltseasonIndexParameters(_signals.AltseasonTopCoins, _signals.AltseasonLookbackDays, _signals.AltseasonMinCoins);
    }

    private MarketState S => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (MarketStateRepair.Repair(S, _plausibility, ClassOf) is { } repaired)
        {
            LogRepaired(repaired);
            _throttle.MarkDirty();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_throttle.Dirty)
        {
            await _state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<ImmutableArray<Tick>> Ingest(ImmutableArray<Tick> ticks)
    {
        var composites = ImmutableArray.CreateBuilder<Tick>();
        var events = new List<MarketEvent>();
        var ordered = TickOrder.IsByTime(ticks) ? ticks : [.. ticks.OrderBy(t => t.TimeMs)];
        // One state lookup per call: the persistent-state getter checks the runtime context (a thread-static) each time.
        var state = S;
        foreach (var tick in ordered)
        {
            if (!_universe.TryGetAsset(tick.Symbol, out var asset))
            {
                // An unlisted symbol gets here only once its asset grain took it for a coin (it came with a market
                // cap): it counts in the Altcoin Season Index and nowhere else.
                OnCoinTick(state, tick, AssetClass.Coin, supply: null, composites, events);
            }
            else
            {
                switch (asset.Class)
                {
                    case AssetClass.Coin or AssetClass.Stablecoin:
                        OnCoinTick(state, tick, asset.Class, asset.Supply, composites, events);
                        break;
                    case AssetClass.Composite or AssetClass.Dominance:
                        state.Supplied.Add(tick.Symbol);
                        state.SeriesSources[tick.Symbol] = tick.Source ?? TickSources.Publisher;
                        OnSeriesValue(tick.Symbol, tick.TimeMs, tick.Price, events);
                        break;
                }
            }

            state.TimeMs = Math.Max(state.TimeMs, tick.TimeMs);
            _throttle.MarkDirty();
        }

        if (S.CompositesDirty)
        {
            EmitComposites(composites, events);
            UpdateAltseasonIndex(events: null);
        }

        if (events.Count > 0)
        {
            await GrainFactory.GetGrain<IEventLogGrain>(0).Append([.. events]);
        }

        if (_indexCloses.Count > 0)
        {
            await GrainFactory.GetGrain<ISeriesHistoryGrain>(SeriesHistoryKeys.AltseasonIndex).Append([.. _indexCloses]);
            _indexCloses.Clear();
        }

        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSeries(LiveSeries());
        if (_throttle.IsDue)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }

        return composites.ToImmutable();
    }

    public Task<ImmutableArray<TickRejectReason>> CheckComposites(ImmutableArray<Tick> ticks)
    {
        // Against the stored series and, separately, the earlier ticks of the call: a tick its asset grain may still
        // refuse (1e-300 for BTC.D) can make a later one fail, never pass. TOTAL, TOTAL2 and TOTAL3 are compared only
        // with values of the same bar (see CompositeConsistency.IsLevel).
        var stored = SuppliedValues(bar: null);
        var storedInBar = new Dictionary<long, Dictionary<string, double>>();
        var earlier = new Dictionary<long, Dictionary<string, double>>();
        var verdicts = ImmutableArray.CreateBuilder<TickRejectReason>(ticks.Length);
        foreach (var tick in ticks)
        {
            var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
            if (!storedInBar.TryGetValue(bar, out var inBar))
            {
                storedInBar[bar] = inBar = SuppliedValues(bar);
                earlier[bar] = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            var verdict = CompositeConsistency.Check(tick.Symbol, tick.Price, CompositeConsistency.IsLevel(tick.Symbol) ? inBar : stored, _compositeTolerance);
            if (verdict == TickRejectReason.None)
            {
                verdict = CompositeConsistency.Check(tick.Symbol, tick.Price, earlier[bar], _compositeTolerance);
            }

            verdicts.Add(verdict);
            if (verdict == TickRejectReason.None)
            {
                earlier[bar][tick.Symbol] = tick.Price;
            }
        }

        return Task.FromResult(verdicts.MoveToImmutable());
    }

    public Task<MarketSnapshot> GetSnapshot()
    {
        double? Value(string symbol) => S.Series.TryGetValue(symbol, out var bar) ? bar.Value : null;
        return Task.FromResult(new MarketSnapshot(
            S.TimeMs,
            Value("TOTAL"),
            Value("TOTAL2"),
            Value("TOTAL3"),
            Value("BTC.D"),
            Value("ETH.D"),
            Value("USDT.D"),
            S.AltseasonIndex,
            S.Phase.Phase,
            S.AltseasonCoins,
            [.. S.Supplied.Order(StringComparer.Ordinal)],
            SeriesSources()));
    }

    private void OnCoinTick(MarketState state, in Tick tick, AssetClass assetClass, double? supply, ImmutableArray<Tick>.Builder composites, List<MarketEvent> events)
    {
        var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
        if (state.HasCoinBar && bar > state.CoinBarIndex)
        {
            if (state.CompositesDirty)
            {
                EmitComposites(composites, events);
            }

            UpdateAltseasonIndex(events);
            if (state.AltseasonIndex is { } index)
            {
                _indexCloses.Add(new HistoryPoint(BarClock.StartOf(state.CoinBarIndex, _barSizeMs), index));
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

            AltseasonIndex.Record(closes, tick.TimeMs, tick.Price, _signals.AltseasonLookbackDays);
        }

        state.LastCoinTimeMs = Math.Max(state.LastCoinTimeMs, tick.TimeMs);
        state.CoinSource = tick.Source ?? TickSources.Publisher;
        state.CompositesDirty = true;
    }

    private void EmitComposites(ImmutableArray<Tick>.Builder composites, List<MarketEvent> events)
    {
        S.CompositesDirty = false;
        foreach (var (symbol, value) in CompositeSeries.Compute(S.Caps, ClassOf, SuppliedValues(bar: null)))
        {
            if (S.Supplied.Contains(symbol) || !(value > 0))
            {
                continue;
            }

            OnSeriesValue(symbol, S.LastCoinTimeMs, value, events);
            S.SeriesSources[symbol] = S.CoinSource ?? TickSources.Publisher;
            if (_universe.IsKnown(symbol))
            {
                composites.Add(new Tick(symbol, S.LastCoinTimeMs, value, Source: S.CoinSource));
            }
        }
    }

    private void UpdateAltseasonIndex(List<MarketEvent>? events)
    {
        var day = S.LastCoinTimeMs / AltseasonIndex.DayMs;
        if (day != S.AltseasonDay)
        {
            AltseasonIndex.ForgetStale(S, s => ClassOf(s) is null && !_universe.IsUnlistedCoin(s), day, _signals.AltseasonLookbackDays);
            S.AltseasonDay = day;
        }

        var result = AltseasonIndex.Compute(S, ClassOf, day, _altseason);
        var (index, coins) = (result.Index, result.CoinsCounted);
        S.AltseasonIndex = index;
        S.AltseasonCoins = coins;
        if (index is not { } value)
        {
            return;
        }

        if (events is not null && S.Phase.OnValue(S.LastCoinTimeMs, value, _signals) is { } changed)
        {
            events.Add(changed);
        }
        else if (S.Phase.Phase == AltseasonPhase.Unknown)
        {
            S.Phase.OnValue(S.LastCoinTimeMs, value, _signals);
        }
    }

    private void OnSeriesValue(string symbol, long timeMs, double value, List<MarketEvent> events) =>
        SeriesBook.OnValue(S, symbol, timeMs, value, _barSizeMs, _signals, events);

    /// <summary>The latest value of each feed-supplied composite or dominance series (in bar <paramref name="bar"/> only, when given).</summary>
    private Dictionary<string, double> SuppliedValues(long? bar)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var symbol in S.Supplied)
        {
            if (S.Series.TryGetValue(symbol, out var series) && (bar is null || series.BarIndex == bar))
            {
                values[symbol] = series.Value;
            }
        }

        return values;
    }

    private ImmutableSortedDictionary<string, SeriesSource> SeriesSources()
    {
        var sources = S.Series.Where(p => S.SeriesSources.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => new SeriesSource(S.SeriesSources[p.Key], p.Value.TimeMs));
        if (S.AltseasonIndex is not null && S.CoinSource is { } coins)
        {
            sources["ASI"] = new SeriesSource(coins, S.LastCoinTimeMs);
        }

        return sources.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private AssetClass? ClassOf(string symbol) => _universe.TryGetAsset(symbol, out var asset) ? asset.Class : null;

    private ImmutableArray<SeriesUpdate> LiveSeries() => SeriesBook.LiveSeries(S, ClassOf);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market: dropped stored values that are not finite or not plausible ({Repaired}); composites are recomputed")]
    private partial void LogRepaired(string repaired);
}
