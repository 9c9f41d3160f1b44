using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Telemetry;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Assets;

/// <summary>
/// One symbol: keeps the <see cref="AssetState"/> that its <see cref="AssetBook"/> validates ticks against and updates;
/// at each bar close appends to the symbol's series history, checks for an all-time high and tells the outperformance
/// grains the symbol is a leg of. State is repaired at load, written throttled and on deactivation.
/// </summary>
public sealed partial class AssetGrain : Grain, IAssetGrain
{
    private readonly IPersistentState<AssetState> _state;
    private readonly UniverseCatalog _universe;
    private readonly BarOptions _bars;
    private readonly MarketSignalOptions _signals;
    private readonly TimeProvider _clock;
    private readonly GrainMetrics _metrics;
    private readonly WriteThrottle _throttle;
    private readonly List<(long BarStartMs, double Close)> _closes = [];
    private readonly PlausibilityOptions _plausibilityOptions;
    private readonly ILogger<AssetGrain> _logger;
    private AssetOptions _asset = new();
    private AssetBook? _book;
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
        _signals = signals.Value;
        _clock = clock;
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
    }

    private AssetState S => _state.State;

    private AssetBook Book => _book ?? throw new InvalidOperationException("The asset grain is not activated.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = this.GetPrimaryKeyString();
        var listed = _universe.TryGetAsset(symbol, out var asset);
        _asset = asset ?? new AssetOptions { Symbol = symbol };
        var band = _plausibilityOptions.For(_asset.Class);
        _book = new AssetBook(_asset, listed, _universe.IsUnlistedCoin(symbol), _bars, band);
        if (AssetStateRepair.Repair(S, band) is { } repaired)
        {
            LogRepaired(symbol, repaired);
            _throttle.MarkDirty();
        }

        _streaks = [.. _universe.StreakKeysFor(symbol).Select(key => GrainFactory.GetGrain<IOutperformanceGrain>(key))];
        _book.Restore(S);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_throttle.WritesOnDeactivation)
        {
            await _state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<ImmutableArray<TickRejectReason>> Ingest(ImmutableArray<Tick> ticks)
    {
        // One state lookup per call: the persistent-state getter checks the runtime context (a thread-static) each time.
        var state = S;
        var book = Book;
        if (LogPosition.AlreadyApplied(state.LogPosition))
        {
            // Applied again from the ingest log after a node was lost; this state already includes the call.
            return [.. ticks.Select(_ => TickRejectReason.None)];
        }

        var verdicts = ImmutableArray.CreateBuilder<TickRejectReason>(ticks.Length);
        var closes = _closes;
        closes.Clear();
        var nowMs = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var applied = 0;
        foreach (var tick in ticks)
        {
            var verdict = book.Check(state, tick, nowMs);
            verdicts.Add(verdict);
            if (verdict == TickRejectReason.None)
            {
                book.Apply(state, tick, closes);
                applied++;
            }
            else
            {
                _metrics.RecordRefused(verdict);
            }
        }

        _metrics.RecordAssetBatch(applied, closes.Count);
        if (LogPosition.Current is { } position)
        {
            state.LogPosition = position;
            _throttle.MarkDirty();
            _throttle.HoldForCheckpoints();
        }
        else if (applied > 0)
        {
            _throttle.MarkDirty();
        }

        if (closes.Count > 0)
        {
            await OnBarsClosed(closes);
        }

        if (_throttle.IsDue)
        {
            await WriteAsync();
        }

        return verdicts.MoveToImmutable();
    }

    /// <summary>Deactivates without writing: the next call loads the state of the last checkpoint.</summary>
    public Task Discard()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Flush() => _throttle.Dirty ? WriteAsync() : Task.CompletedTask;

    public Task<AssetSnapshot> GetSnapshot()
    {
        var book = Book;
        var volatility = book.Volatility.IsReady ? book.Volatility.Current.StandardDeviation : null;
        return Task.FromResult(new AssetSnapshot(
            _asset.Symbol,
            _asset.Class,
            S.LastTimeMs,
            S.LastPrice,
            S.MarketCap,
            S.Supply ?? _asset.Supply,
            S.HasBar ? BarClock.StartOf(S.BarIndex, book.BarSizeMs) : 0,
            S.HasBar ? S.BarOpen : null,
            S.HasBar ? S.BarHigh : null,
            S.HasBar ? S.BarLow : null,
            S.BarsClosed,
            volatility,
            book.Volatility.Window,
            S.AllTimeHigh.High,
            S.AllTimeHigh.HighTimeMs,
            S.Source,
            S.LastTimeMs));
    }

    private async Task WriteAsync()
    {
        await _state.WriteStateAsync();
        _throttle.MarkWritten();
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
