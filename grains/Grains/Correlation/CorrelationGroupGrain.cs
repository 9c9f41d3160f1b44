using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Telemetry;
using AltseasonLive.Grains.Ticks;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// All pairs of one anchor (key = anchor symbol). Ticks of other symbols are ignored, so callers may send a whole
/// batch. Ticks revise the in-progress bar of the banks; a tick in a later
/// bar commits the current one, and the committed statistics of every pair-window go to its grain in one call per
/// batch. The live correlations that changed go to the push notifier once per batch, as the asset and market values do:
/// the hub's fan-out is the one stage that coalesces them, on its one flush clock. A batch does not wait for its
/// publish to complete; the next publish waits for it, so this group's publishes stay in order. The banks are rebuilt
/// on activation from the committed bars kept in state (twice the longest window).
/// </summary>
public sealed partial class CorrelationGroupGrain : Grain, ICorrelationGroupGrain, ICheckpointParticipant
{
    private readonly IPersistentState<CorrelationGroupState> _state;
    private readonly UniverseCatalog _universe;
    private readonly long _barSizeMs;
    private readonly WriteThrottle _throttle;
    private readonly GrainMetrics _metrics;
    private readonly PlausibilityOptions _plausibility;
    private readonly ILogger<CorrelationGroupGrain> _logger;
    private CorrelationBanks _banks = new(new CorrelationGroupLayout("", []));
    private PairBarCloseBuffer _closes;
    private GroupLiveSeries _series = new(0);
    private PendingPartnerPrices _pending;
    private Task _publishing = Task.CompletedTask;

    public CorrelationGroupGrain(
        [PersistentState("correlation-group", StorageNames.Default)] IPersistentState<CorrelationGroupState> state,
        UniverseCatalog universe,
        IOptions<BarOptions> bars,
        IOptions<StorageOptions> storage,
        TimeProvider clock,
        GrainMetrics metrics,
        IOptions<PlausibilityOptions> plausibility,
        ILogger<CorrelationGroupGrain> logger)
    {
        _state = state;
        _plausibility = plausibility.Value;
        _logger = logger;
        _metrics = metrics;
        _universe = universe;
        _barSizeMs = (long)bars.Value.BarSize.TotalMilliseconds;
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
        _closes = new PairBarCloseBuffer(_banks);
        _pending = new PendingPartnerPrices(_banks);
    }

    private CorrelationGroupState S => _state.State;

    private string Anchor => _banks.Layout.Anchor;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var anchor = this.GetPrimaryKeyString();
        if (CorrelationStateRepair.Repair(S, anchor, _plausibility, s => _universe.TryGetAsset(s, out var asset) ? asset.Class : null) is { } repaired)
        {
            LogRepaired(anchor, repaired);
        }

        _banks = new CorrelationBanks(_universe.GetGroup(anchor) ?? new CorrelationGroupLayout(anchor, []));
        _closes = new PairBarCloseBuffer(_banks);
        _series = new GroupLiveSeries(_banks.PairWindows.Length);
        _pending = new PendingPartnerPrices(_banks);
        foreach (var bar in S.Bars)
        {
            _banks.ReviseAnchor(bar.Anchor);
            _banks.RevisePartners(bar.Partners, pending: null);
            _banks.CommitBar();
        }

        if (S.PendingAnchor is { } anchorPrice)
        {
            _banks.ReviseAnchor(anchorPrice);
        }

        _banks.RevisePartners(S.PendingPartners, _pending);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_throttle.WritesOnDeactivation)
        {
            S.PendingPartners = _pending.ToDictionary();
            await _state.WriteStateAsync(cancellationToken);
        }

        await _publishing;
    }

    public async Task Ingest(ImmutableArray<Tick> ticks)
    {
        // One state lookup per call: the persistent-state getter checks the runtime context (a thread-static) each time.
        var state = S;
        if (LogPosition.AlreadyApplied(state.LogPosition))
        {
            return;
        }

        if (LogPosition.Current is { } position)
        {
            state.LogPosition = position;
            _throttle.HoldForCheckpoints();
        }

        _metrics.RecordCorrelationBatch(ticks.Length);
        if (TickOrder.IsByTime(ticks))
        {
            foreach (var tick in ticks)
            {
                Apply(state, tick);
            }
        }
        else
        {
            foreach (var tick in ticks.OrderBy(t => t.TimeMs))
            {
                Apply(state, tick);
            }
        }

        if (_closes.Count > 0)
        {
            await _closes.SendAsync(GrainFactory);
        }

        await PublishSeries();

        if (_throttle.IsDue)
        {
            S.PendingPartners = _pending.ToDictionary();
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    /// <summary>Deactivates without writing: the next call loads the state of the last checkpoint.</summary>
    public Task Discard()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task Flush()
    {
        if (_throttle.Dirty)
        {
            S.PendingPartners = _pending.ToDictionary();
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    /// <summary>The in-progress bar's partner closes live in <see cref="PendingPartnerPrices"/> between state writes.</summary>
    public void PrepareCheckpoint(object state)
    {
        if (state is CorrelationGroupState group)
        {
            group.PendingPartners = _pending.ToDictionary();
        }
    }

    public Task<CorrelationValue?> GetLive(PairWindowKey key) =>
        Task.FromResult(S.HasBar && _banks.TryGetStats(key, out var stats) && stats.Count > 0
            ? stats.ToValue(BarClock.StartOf(S.BarIndex, _barSizeMs))
            : null);

    private void Apply(CorrelationGroupState state, in Tick tick)
    {
        var isAnchor = tick.Symbol == Anchor;
        var partner = isAnchor ? -1 : _banks.PartnerIndexOf(tick.Symbol);
        if (!isAnchor && partner < 0)
        {
            return;
        }

        var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
        if (state.HasBar && bar < state.BarIndex)
        {
            return;
        }

        if (state.HasBar && bar > state.BarIndex)
        {
            CloseBar(state);
        }

        state.HasBar = true;
        state.BarIndex = bar;
        if (isAnchor)
        {
            _banks.ReviseAnchor(tick.Price);
            state.PendingAnchor = tick.Price;
        }
        else
        {
            _banks.RevisePartner(partner, tick.Price);
            _pending.Set(partner, tick.Price);
        }
    }

    private void CloseBar(CorrelationGroupState state)
    {
        _banks.CommitBar();
        if (state.PendingAnchor is { } anchor)
        {
            state.Bars.Add(new GroupBar(state.BarIndex, anchor, _pending.ToDictionary()));
            var keep = (2 * _banks.Layout.MaxWindow) + 4;
            if (state.Bars.Count > keep)
            {
                state.Bars.RemoveRange(0, state.Bars.Count - keep);
            }

            var barStart = BarClock.StartOf(state.BarIndex, _barSizeMs);
            for (var partner = 0; partner < _pending.Count; partner++)
            {
                if (_pending.Has(partner))
                {
                    _closes.AddPartner(partner, barStart);
                }
            }
        }

        state.PendingAnchor = null;
        state.PendingPartners = [];
        _pending.Clear();
        _throttle.MarkDirty();
    }

    private async Task PublishSeries()
    {
        if (!S.HasBar)
        {
            return;
        }

        var updates = _series.Changes(_banks, BarClock.StartOf(S.BarIndex, _barSizeMs), S.PendingAnchor is not null ? _pending : null);
        if (updates.Length > 0)
        {
            await _publishing;
            _publishing = GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSeries(updates);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Correlation group {Anchor}: dropped stored closes that are not finite or not plausible ({Repaired})")]
    private partial void LogRepaired(string anchor, string repaired);
}
