using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// All pairs of one anchor (key = anchor symbol). Ticks revise the in-progress bar of both banks; a tick in a later
/// bar commits the current one, and the committed statistics of every pair-window go to its grain in one call per
/// batch. The banks are rebuilt on activation from the committed bars kept in state (twice the longest window).
/// </summary>
public sealed class CorrelationGroupGrain : Grain, ICorrelationGroupGrain
{
    private readonly IPersistentState<CorrelationGroupState> _state;
    private readonly UniverseCatalog _universe;
    private readonly long _barSizeMs;
    private readonly WriteThrottle _throttle;
    private CorrelationBanks _banks = new(new CorrelationGroupLayout("", []));

    public CorrelationGroupGrain(
        [PersistentState("correlation-group", StorageNames.Default)] IPersistentState<CorrelationGroupState> state,
        UniverseCatalog universe,
        IOptions<BarOptions> bars,
        IOptions<StorageOptions> storage,
        TimeProvider clock)
    {
        _state = state;
        _universe = universe;
        _barSizeMs = bars.Value.BarSizeMs;
        _throttle = new WriteThrottle(clock, TimeSpan.FromMilliseconds(storage.Value.WriteIntervalMs));
    }

    private CorrelationGroupState S => _state.State;

    private string Anchor => _banks.Layout.Anchor;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var anchor = this.GetPrimaryKeyString();
        _banks = new CorrelationBanks(_universe.GetGroup(anchor) ?? new CorrelationGroupLayout(anchor, []));
        foreach (var bar in S.Bars)
        {
            _banks.ReviseAnchor(bar.Anchor);
            foreach (var (partner, price) in bar.Partners.Where(p => _banks.IsPartner(p.Key)))
            {
                _banks.RevisePartner(partner, price);
            }

            _banks.CommitBar();
        }

        if (S.PendingAnchor is { } anchorPrice)
        {
            _banks.ReviseAnchor(anchorPrice);
        }

        foreach (var (partner, price) in S.PendingPartners.Where(p => _banks.IsPartner(p.Key)))
        {
            _banks.RevisePartner(partner, price);
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

    public async Task Ingest(ImmutableArray<Tick> ticks)
    {
        var closes = new Dictionary<PairWindowKey, ImmutableArray<PairBarClose>.Builder>();
        foreach (var tick in ticks.OrderBy(t => t.TimeMs))
        {
            var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
            if (S.HasBar && bar < S.BarIndex)
            {
                continue;
            }

            if (S.HasBar && bar > S.BarIndex)
            {
                CloseBar(closes);
            }

            S.HasBar = true;
            S.BarIndex = bar;
            if (tick.Symbol == Anchor)
            {
                _banks.ReviseAnchor(tick.Price);
                S.PendingAnchor = tick.Price;
            }
            else if (_banks.IsPartner(tick.Symbol))
            {
                _banks.RevisePartner(tick.Symbol, tick.Price);
                S.PendingPartners[tick.Symbol] = tick.Price;
            }
        }

        await Task.WhenAll(closes.Select(c => GrainFactory.GetGrain<IPairWindowGrain>(c.Key.ToString()).OnBarsClosed(c.Value.ToImmutable())));
        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSeries(LiveSeries());
        if (_throttle.IsDue)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    public Task<CorrelationValue?> GetLive(PairWindowKey key) =>
        Task.FromResult(S.HasBar && _banks.TryGetStats(key, out var stats) && stats.Count > 0
            ? stats.ToValue(BarClock.StartOf(S.BarIndex, _barSizeMs))
            : null);

    private void CloseBar(Dictionary<PairWindowKey, ImmutableArray<PairBarClose>.Builder> closes)
    {
        _banks.CommitBar();
        if (S.PendingAnchor is { } anchor)
        {
            S.Bars.Add(new GroupBar(S.BarIndex, anchor, S.PendingPartners));
            var keep = (2 * _banks.Layout.MaxWindow) + 4;
            if (S.Bars.Count > keep)
            {
                S.Bars.RemoveRange(0, S.Bars.Count - keep);
            }

            var barStart = BarClock.StartOf(S.BarIndex, _barSizeMs);
            foreach (var partner in _banks.Layout.Partners.Where(p => S.PendingPartners.ContainsKey(p.Symbol)))
            {
                foreach (var mode in partner.Modes)
                {
                    AddCloses(closes, partner, mode, barStart);
                }
            }
        }

        S.PendingAnchor = null;
        S.PendingPartners = [];
        _throttle.MarkDirty();
    }

    private void AddCloses(Dictionary<PairWindowKey, ImmutableArray<PairBarClose>.Builder> closes, PartnerLayout partner, CorrelationMode mode, long barStart)
    {
        var values = new CorrelationValue[partner.Windows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            _banks.TryGetStats(new PairWindowKey(Anchor, partner.Symbol, partner.Windows[i], mode), out var stats);
            values[i] = stats.ToValue(barStart);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var key = new PairWindowKey(Anchor, partner.Symbol, partner.Windows[i], mode);
            var siblings = values.Where((_, j) => j != i).Select(v => new WindowValue(v.Window, v.Correlation)).ToImmutableArray();
            if (!closes.TryGetValue(key, out var list))
            {
                closes[key] = list = ImmutableArray.CreateBuilder<PairBarClose>();
            }

            list.Add(new PairBarClose(values[i], siblings));
        }
    }

    private ImmutableArray<SeriesUpdate> LiveSeries()
    {
        if (!S.HasBar)
        {
            return [];
        }

        var barStart = BarClock.StartOf(S.BarIndex, _barSizeMs);
        var updates = ImmutableArray.CreateBuilder<SeriesUpdate>();
        foreach (var key in _banks.Keys)
        {
            if (_banks.TryGetStats(key, out var stats) && stats.Correlation is { } correlation)
            {
                var live = S.PendingAnchor is not null && S.PendingPartners.ContainsKey(key.Partner);
                updates.Add(new SeriesUpdate(SeriesKind.Correlation, key.ToString(), barStart, correlation, BarClosed: !live));
            }
        }

        return updates.ToImmutable();
    }
}
