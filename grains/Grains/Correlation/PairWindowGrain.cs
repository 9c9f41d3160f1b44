using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// One pair x window x mode (key "RUT|TOTAL3|90|Returns"): its committed history, its usual range (percentile band of
/// its own past values, rebuilt on activation from the persisted band inputs) and its events. Fed by the correlation
/// group once per batch; state is written at bar closes, throttled, and on deactivation.
/// </summary>
public sealed partial class PairWindowGrain : Grain, IPairWindowGrain
{
    private readonly IPersistentState<PairWindowState> _state;
    private readonly CorrelationSignalOptions _options;
    private readonly WriteThrottle _throttle;
    private readonly ILogger<PairWindowGrain> _logger;
    private PairWindowKey _key;
    private RollingPercentileBand _band;

    public PairWindowGrain(
        [PersistentState("pair-window", StorageNames.Default)] IPersistentState<PairWindowState> state,
        IOptions<CorrelationSignalOptions> options,
        IOptions<StorageOptions> storage,
        TimeProvider clock,
        ILogger<PairWindowGrain> logger)
    {
        _state = state;
        _logger = logger;
        _options = options.Value;
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
        _band = NewBand();
    }

    private PairWindowState S => _state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = PairWindowKey.Parse(this.GetPrimaryKeyString());
        if (PairWindowStateRepair.Repair(S) is { } repaired)
        {
            LogRepaired(this.GetPrimaryKeyString(), repaired);
        }

        _band = NewBand();
        foreach (var value in S.BandInputs)
        {
            _band.Add(value);
        }

        return Task.CompletedTask;
    }

    public async Task OnBarsClosed(ImmutableArray<PairBarClose> bars)
    {
        if (LogPosition.AlreadyApplied(S.LogPosition))
        {
            return;
        }

        if (LogPosition.Current is { } position)
        {
            S.LogPosition = position;
            _throttle.HoldForCheckpoints();
        }

        var events = ImmutableArray.CreateBuilder<MarketEvent>();
        foreach (var bar in bars)
        {
            S.Last = bar.Stats;
            if (bar.Stats.Correlation is not { } value || bar.Stats.Count < bar.Stats.Window)
            {
                continue;
            }

            (double, double)? band = _band.IsReady ? (_band.Lower, _band.Upper) : null;
            var (raised, feedsBand) = PairWindowSignals.Evaluate(S.Signals, _key, bar, band, _options);
            events.AddRange(raised);
            if (feedsBand)
            {
                _band.Add(value);
                S.BandInputs.Add(value);
                Trim(S.BandInputs, _band.Lookback);
            }

            S.History.Add(new HistoryPoint(bar.Stats.BarStartMs, value, band?.Item1, band?.Item2));
            Trim(S.History, _options.HistoryLength);
        }

        _throttle.MarkDirty();
        if (events.Count > 0)
        {
            await GrainFactory.GetGrain<IEventLogGrain>(0).Append(events.ToImmutable());
        }

        if (_throttle.IsDue)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_throttle.WritesOnDeactivation)
        {
            await _state.WriteStateAsync(cancellationToken);
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
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    public async Task<PairWindowSnapshot> GetSnapshot()
    {
        var live = await GrainFactory.GetGrain<ICorrelationGroupGrain>(_key.Anchor).GetLive(_key);
        return new PairWindowSnapshot(
            _key,
            S.Last,
            live,
            _band.IsReady ? _band.Lower : null,
            _band.IsReady ? _band.Upper : null,
            S.Signals.Coupling,
            [.. S.History]);
    }

    private RollingPercentileBand NewBand() =>
        new(_options.BandLookback, _options.BandLowerPercentile, _options.BandUpperPercentile);

    private static void Trim<T>(List<T> list, int max)
    {
        if (list.Count > max)
        {
            list.RemoveRange(0, list.Count - max);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pair window {Key}: dropped stored values that no correlation can take ({Repaired})")]
    private partial void LogRepaired(string key, string repaired);
}
