using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Telemetry;
using AltseasonLive.Grains.Universe;
using AltseasonLive.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Assets;

/// <summary>
/// One symbol: validates its ticks, builds bars of the configured size, keeps last price, market cap (feed's, else
/// price x supply) and the volatility of bar returns; at each bar close checks for an all-time high and tells the
/// outperformance grains the symbol is a leg of.
/// </summary>
public sealed partial class AssetGrain : Grain, IAssetGrain
{
    private readonly IPersistentState<AssetState> _state;
    private readonly UniverseCatalog _universe;
    private readonly BarOptions _bars;
    private readonly long _barSizeMs;
    private readonly long _lateToleranceMs;
    private readonly long _futureToleranceMs;
    private readonly MarketSignalOptions _signals;
    private readonly TimeProvider _clock;
    private readonly GrainMetrics _metrics;
    private readonly WriteThrottle _throttle;
    private readonly RollingVolatility _volatility;
    private readonly List<(long BarStartMs, double Close)> _closes = [];
    private readonly PlausibilityOptions _plausibilityOptions;
    private readonly ILogger<AssetGrain> _logger;
    private AssetOptions _asset = new();
    private bool _listed;
    private bool _unlistedCoin;
    private TickPlausibility _plausibility = new(new PlausibilityBand());
    private IOutperformanceGrain[] _streaks = [];

    public AssetGrain(
        [PersistentState("asset", StorageNames.Default)] IPersistentState<AssetState> state,
        UniverseCatalog universe,
        IOptions<BarOptions> bars,
        IOptions<MarketSignalOptions> signals,
        IOptions<StorageOptions> storage,
        IOptions<PlausibilityOptions> plausibility,
        TimeProvider clock,
        GrainMetrics metrics,
        ILogger<AssetGrain> logger)
    {
        _logger = logger;
        _plausibilityOptions = plausibility.Value;
        _state = state;
        _metrics = metrics;
        _universe = universe;
        _bars = bars.Value;
        _barSizeMs = (long)_bars.BarSize.TotalMilliseconds;
        _lateToleranceMs = (long)_bars.LateTolerance.TotalMilliseconds;
        _futureToleranceMs = (long)_bars.FutureTolerance.TotalMilliseconds;
        _signals = signals.Value;
        _clock = clock;
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
        _volatility = new RollingVolatility(_bars.VolatilityWindow);
    }

    private AssetState S => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = this.GetPrimaryKeyString();
        _listed = _universe.TryGetAsset(symbol, out var asset);
        _unlistedCoin = _universe.IsUnlistedCoin(symbol);
        _asset = asset ?? new AssetOptions { Symbol = symbol };
        _plausibility = new TickPlausibility(_plausibilityOptions.For(_asset.Class));
        if (AssetStateRepair.Repair(S, _plausibility.Band) is { } repaired)
        {
            LogRepaired(symbol, repaired);
            _throttle.MarkDirty();
        }

        _streaks = [.. _universe.StreakKeysFor(symbol).Select(key => GrainFactory.GetGrain<IOutperformanceGrain>(key))];
        foreach (var close in S.RecentCloses)
        {
            _volatility.Add(close);
        }

        if (S.HasBar && S.LastPrice is { } live)
        {
            _volatility.Revise(live);
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

    public async Task<ImmutableArray<TickRejectReason>> Ingest(ImmutableArray<Tick> ticks)
    {
        // One state lookup per call: the persistent-state getter checks the runtime context (a thread-static) each time.
        var state = S;
        var verdicts = ImmutableArray.CreateBuilder<TickRejectReason>(ticks.Length);
        var closes = _closes;
        closes.Clear();
        var nowMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var applied = 0;
        foreach (var tick in ticks)
        {
            // An unlisted symbol is a coin once a tick brought its market cap (or it is a configured coin); before, unknown
            // (the ingest grain already refuses such ticks; this keeps the rule where the state is).
            var verdict = tick.Symbol != _asset.Symbol || (!_listed && tick.MarketCap is null && !state.HasBar && !_unlistedCoin)
                ? TickRejectReason.UnknownSymbol
                : state.Validate(tick, _barSizeMs, _lateToleranceMs, nowMs, _futureToleranceMs);
            if (verdict == TickRejectReason.None)
            {
                verdict = _plausibility.Check(tick, state.LastPrice, state.MarketCapSent ? state.MarketCap : null, state.Supply, _asset.Supply);
            }

            verdicts.Add(verdict);
            if (verdict == TickRejectReason.None)
            {
                Apply(state, tick, closes);
                applied++;
            }
        }

        _metrics.RecordAssetBatch(applied, ticks.Length - applied, closes.Count);

        if (closes.Count > 0)
        {
            await OnBarsClosed(closes);
        }

        if (_throttle.IsDue)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }

        return verdicts.MoveToImmutable();
    }

    public Task<AssetSnapshot> GetSnapshot()
    {
        var volatility = _volatility.IsReady ? _volatility.Current.StandardDeviation : null;
        return Task.FromResult(new AssetSnapshot(
            _asset.Symbol,
            _asset.Class,
            S.LastTimeMs,
            S.LastPrice,
            S.MarketCap,
            S.Supply ?? _asset.Supply,
            S.HasBar ? BarClock.StartOf(S.BarIndex, _barSizeMs) : 0,
            S.HasBar ? S.BarOpen : null,
            S.HasBar ? S.BarHigh : null,
            S.HasBar ? S.BarLow : null,
            S.BarsClosed,
            volatility,
            _volatility.Window,
            S.AllTimeHigh.High,
            S.AllTimeHigh.HighTimeMs,
            S.Source,
            S.LastTimeMs));
    }

    private void Apply(AssetState state, in Tick tick, List<(long BarStartMs, double Close)> closes)
    {
        var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
        if (state.HasBar && bar > state.BarIndex && state.LastPrice is { } close)
        {
            closes.Add((BarClock.StartOf(state.BarIndex, _barSizeMs), close));
            state.BarsClosed++;
            state.RecentCloses.Add(close);
            if (state.RecentCloses.Count > _volatility.Window + 1)
            {
                state.RecentCloses.RemoveAt(0);
            }

            _volatility.Commit();
        }

        if (!state.HasBar || bar > state.BarIndex)
        {
            state.HasBar = true;
            state.BarIndex = bar;
            state.BarOpen = state.BarHigh = state.BarLow = tick.Price;
        }
        else
        {
            state.BarHigh = Math.Max(state.BarHigh, tick.Price);
            state.BarLow = Math.Min(state.BarLow, tick.Price);
        }

        if (tick.TimeMs >= state.LastTimeMs)
        {
            state.LastTimeMs = tick.TimeMs;
            state.LastPrice = tick.Price;
            state.Source = tick.Source ?? TickSources.Publisher;
            _volatility.Revise(tick.Price);
        }

        if (tick.Supply is { } supply)
        {
            state.Supply = supply;
        }

        state.MarketCap = tick.MarketCap ?? (state.Supply ?? _asset.Supply) * state.LastPrice;
        state.MarketCapSent = tick.MarketCap is not null;
        _throttle.MarkDirty();
    }

    private async Task OnBarsClosed(List<(long BarStartMs, double Close)> closes)
    {
        await GrainFactory.GetGrain<ISeriesHistoryGrain>(_asset.Symbol).Append([.. closes.Select(c => new HistoryPoint(c.BarStartMs, c.Close))]);
        if (_universe.AllTimeHighSymbols.Contains(_asset.Symbol))
        {
            var events = ImmutableArray.CreateBuilder<MarketEvent>();
            foreach (var (barStart, close) in closes)
            {
                if (S.AllTimeHigh.OnClose(_asset.Symbol, barStart, close, _signals.AllTimeHighMinBars, _signals.AllTimeHighRearm) is { } high)
                {
                    events.Add(high);
                }
            }

            if (events.Count > 0)
            {
                await GrainFactory.GetGrain<IEventLogGrain>(0).Append(events.ToImmutable());
            }
        }

        foreach (var streak in _streaks)
        {
            foreach (var (barStart, close) in closes)
            {
                await streak.OnBarClosed(_asset.Symbol, barStart, close);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asset {Symbol}: dropped stored values that are not finite or not plausible ({Repaired})")]
    private partial void LogRepaired(string symbol, string repaired);
}
