using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// The market (key 0): keeps the <see cref="MarketState"/> that <see cref="MarketBook"/> updates, and forwards what it
/// returns: composites to the caller (as ticks for their asset grains), events to the event log, the Altcoin Season
/// Index's daily closes to its series history and the live values to the push notifier. State is repaired at load,
/// written throttled and on deactivation.
/// </summary>
public sealed partial class MarketGrain : Grain, IMarketGrain
{
    private readonly IPersistentState<MarketState> _state;
    private readonly MarketBook _book;
    private readonly PlausibilityOptions _plausibility;
    private readonly ILogger<MarketGrain> _logger;
    private readonly WriteThrottle _throttle;
    private readonly List<HistoryPoint> _indexCloses = [];
    private readonly List<MarketEvent> _events = [];

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
        _state = state;
        _book = new MarketBook(universe, signals.Value, (long)bars.Value.BarSize.TotalMilliseconds, plausibility.Value.CompositeTolerance);
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
    }

    private MarketState S => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (MarketStateRepair.Repair(S, _plausibility, _book.ClassOf) is { } repaired)
        {
            LogRepaired(repaired);
            _throttle.MarkDirty();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_throttle.WritesOnDeactivation)
        {
            await _state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<ImmutableArray<Tick>> Ingest(ImmutableArray<Tick> ticks)
    {
        if (LogPosition.AlreadyApplied(S.LogPosition))
        {
            return [];
        }

        var composites = ImmutableArray.CreateBuilder<Tick>();
        _events.Clear();
        _indexCloses.Clear();
        _book.Apply(S, ticks, composites, _events, _indexCloses);
        if (LogPosition.Current is { } position)
        {
            S.LogPosition = position;
            _throttle.MarkDirty();
            _throttle.HoldForCheckpoints();
        }
        else if (!ticks.IsDefaultOrEmpty)
        {
            _throttle.MarkDirty();
        }

        if (_events.Count > 0)
        {
            await GrainFactory.GetGrain<IEventLogGrain>(0).Append([.. _events]);
        }

        if (_indexCloses.Count > 0)
        {
            await GrainFactory.GetGrain<ISeriesHistoryGrain>(SeriesHistoryKeys.AltseasonIndex).Append([.. _indexCloses]);
        }

        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSeries(_book.LiveSeries(S));
        if (_throttle.IsDue)
        {
            await WriteAsync();
        }

        return composites.ToImmutable();
    }

    /// <summary>Deactivates without writing: the next call loads the state of the last checkpoint.</summary>
    public Task Discard()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Flush() => _throttle.Dirty ? WriteAsync() : Task.CompletedTask;

    public Task<ImmutableArray<TickRejectReason>> CheckComposites(ImmutableArray<Tick> ticks) => Task.FromResult(_book.CheckComposites(S, ticks));

    public Task<MarketSnapshot> GetSnapshot() => Task.FromResult(_book.Snapshot(S));

    private async Task WriteAsync()
    {
        await _state.WriteStateAsync();
        _throttle.MarkWritten();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market: dropped stored values that are not finite or not plausible ({Repaired}); composites are recomputed")]
    private partial void LogRepaired(string repaired);
}
