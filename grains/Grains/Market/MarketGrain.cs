using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Ticks;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// The market (key 0). Coin ticks update market caps and daily closes; at each coin bar close the composites are
/// recomputed (returned to the caller as ticks, so TOTAL3 etc. are assets like any other) and the Altcoin Season Index
/// is re-evaluated. Composite and dominance series a feed supplies itself replace the computed ones for that symbol.
/// Dominance series are checked against their levels at each of their bar closes.
/// </summary>
public sealed class MarketGrain : Grain, IMarketGrain
{
    private readonly IPersistentState<MarketState> _state;
    private readonly UniverseCatalog _universe;
    private readonly MarketSignalOptions _signals;
    private readonly long _barSizeMs;
    private readonly WriteThrottle _throttle;

    public MarketGrain(
        [PersistentState("market", StorageNames.Default)] IPersistentState<MarketState> state,
        UniverseCatalog universe,
        IOptions<MarketSignalOptions> signals,
        IOptions<BarOptions> bars,
        IOptions<StorageOptions> storage,
        TimeProvider clock)
    {
        _state = state;
        _universe = universe;
        _signals = signals.Value;
        _barSizeMs = (long)bars.Value.BarSize.TotalMilliseconds;
        _throttle = new WriteThrottle(clock, TimeSpan.FromMilliseconds(storage.Value.WriteIntervalMs));
    }

    private MarketState S => _state.State;

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
                continue;
            }

            switch (asset.Class)
            {
                case AssetClass.Coin or AssetClass.Stablecoin:
                    OnCoinTick(state, tick, asset, composites, events);
                    break;
                case AssetClass.Composite or AssetClass.Dominance:
                    state.Supplied.Add(tick.Symbol);
                    OnSeriesValue(tick.Symbol, tick.TimeMs, tick.Price, events);
                    break;
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

        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSeries(LiveSeries());
        if (_throttle.IsDue)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }

        return composites.ToImmutable();
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
            [.. S.Supplied.Order(StringComparer.Ordinal)]));
    }

    private void OnCoinTick(MarketState state, in Tick tick, AssetOptions asset, ImmutableArray<Tick>.Builder composites, List<MarketEvent> events)
    {
        var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
        if (state.HasCoinBar && bar > state.CoinBarIndex)
        {
            if (state.CompositesDirty)
            {
                EmitComposites(composites, events);
            }

            UpdateAltseasonIndex(events);
        }

        if (!state.HasCoinBar || bar > state.CoinBarIndex)
        {
            state.HasCoinBar = true;
            state.CoinBarIndex = bar;
        }

        if ((tick.MarketCap ?? ((tick.Supply ?? asset.Supply) * tick.Price)) is { } cap)
        {
            state.Caps[tick.Symbol] = cap;
        }

        if (asset.Class == AssetClass.Coin)
        {
            if (!state.DailyCloses.TryGetValue(tick.Symbol, out var closes))
            {
                state.DailyCloses[tick.Symbol] = closes = [];
            }

            AltseasonIndex.Record(closes, tick.TimeMs, tick.Price, _signals.AltseasonLookbackDays);
        }

        state.LastCoinTimeMs = Math.Max(state.LastCoinTimeMs, tick.TimeMs);
        state.CompositesDirty = true;
    }

    private void EmitComposites(ImmutableArray<Tick>.Builder composites, List<MarketEvent> events)
    {
        S.CompositesDirty = false;
        foreach (var (symbol, value) in CompositeSeries.Compute(S.Caps, ClassOf))
        {
            if (S.Supplied.Contains(symbol) || !(value > 0))
            {
                continue;
            }

            OnSeriesValue(symbol, S.LastCoinTimeMs, value, events);
            if (_universe.IsKnown(symbol))
            {
                composites.Add(new Tick(symbol, S.LastCoinTimeMs, value));
            }
        }
    }

    private void UpdateAltseasonIndex(List<MarketEvent>? events)
    {
        var (index, coins) = AltseasonIndex.Compute(
            S.Caps,
            S.DailyCloses,
            ClassOf,
            S.LastCoinTimeMs / AltseasonIndex.DayMs,
            _signals.AltseasonLookbackDays,
            _signals.AltseasonTopCoins,
            _signals.AltseasonMinCoins);
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

    private AssetClass? ClassOf(string symbol) => _universe.TryGetAsset(symbol, out var asset) ? asset.Class : null;

    private ImmutableArray<SeriesUpdate> LiveSeries() => SeriesBook.LiveSeries(S, ClassOf);
}
