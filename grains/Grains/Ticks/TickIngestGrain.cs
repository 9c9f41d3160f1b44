using System.Collections.Immutable;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Universe;
using Orleans.Concurrency;

namespace AltseasonLive.Grains.Ticks;

/// <summary>
/// Fan-out of one tick batch: unknown symbols are refused here; every asset grain gets its ticks in one call; accepted
/// ticks go to the market grain in one call, which returns the composite series (TOTAL3, BTC.D, ...) as ticks that
/// take the same path through their asset grains; finally each correlation group gets the accepted batch in one call
/// and the dashboards get the last price of every symbol. Returns when all of it, including events, is done.
/// </summary>
[StatelessWorker]
public sealed class TickIngestGrain(UniverseCatalog universe) : Grain, ITickIngestGrain
{
    private readonly TickPartition _partition = new();
    private readonly CompositeScreen _composites = new();
    private readonly List<string> _anchors = [];
    private readonly List<Tick> _prices = [];
    private readonly Dictionary<string, IAssetGrain> _assets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ICorrelationGroupGrain> _groups = new(StringComparer.Ordinal);
    private IMarketGrain? _market;
    private IPushNotifierGrain? _push;

    public async Task<TickBatchResult> Ingest(ImmutableArray<Tick> ticks)
    {
        if (ticks.IsDefaultOrEmpty)
        {
            return new TickBatchResult(0, []);
        }

        var rejections = ImmutableArray.CreateBuilder<TickRejection>();
        var screened = await _composites.ScreenAsync(ticks, universe, _market ??= GrainFactory.GetGrain<IMarketGrain>(0));
        var accepted = await ToAssets(ticks, rejections, screened);
        CollectBySymbol(ticks, accepted.Length);
        var composites = await _market.Ingest(accepted);
        LogPosition.MoveToSecondStep();
        var acceptedComposites = composites.IsDefaultOrEmpty ? [] : await ToAssets(composites, rejections: null);

        await ToGroups(accepted, acceptedComposites);
        await (_push ??= GrainFactory.GetGrain<IPushNotifierGrain>(0)).PublishSeries(LastPrices(acceptedComposites));
        return new TickBatchResult(accepted.Length, rejections.ToImmutable());
    }

    /// <summary>Sends each symbol's ticks to its asset grain and returns the accepted ones (batch order).</summary>
    private async Task<ImmutableArray<Tick>> ToAssets(
        ImmutableArray<Tick> ticks, ImmutableArray<TickRejection>.Builder? rejections, TickRejectReason[]? screened = null)
    {
        _partition.Split(ticks, universe, screened);
        var calls = new Task<ImmutableArray<TickRejectReason>>[_partition.Symbols];
        for (var g = 0; g < calls.Length; g++)
        {
            calls[g] = Asset(_partition.SymbolOf(g)).Ingest(_partition.TicksOf(g));
        }

        await Task.WhenAll(calls);
        var seen = _partition.RentCursors();
        var verdicts = _partition.RentVerdicts(ticks.Length);
        var acceptedCount = 0;
        for (var i = 0; i < ticks.Length; i++)
        {
            var g = _partition.SymbolIndexOf(i);
            verdicts[i] = g >= 0 ? calls[g].Result[seen[g]++]
                : screened is not null && screened[i] != TickRejectReason.None ? screened[i]
                : TickRejectReason.UnknownSymbol;
            if (verdicts[i] == TickRejectReason.None)
            {
                acceptedCount++;
            }
            else
            {
                rejections?.Add(new TickRejection(i, ticks[i].Symbol ?? "", verdicts[i]));
            }
        }

        if (acceptedCount == ticks.Length)
        {
            return ticks;
        }

        var accepted = ImmutableArray.CreateBuilder<Tick>(acceptedCount);
        for (var i = 0; i < ticks.Length; i++)
        {
            if (verdicts[i] == TickRejectReason.None)
            {
                accepted.Add(ticks[i]);
            }
        }

        return accepted.MoveToImmutable();
    }

    /// <summary>
    /// Per distinct symbol of the batch just sent to the asset grains (not per tick): the correlation groups that need
    /// its ticks and its latest accepted tick (latest time; the later one in the batch on equal times), in batch order.
    /// </summary>
    private void CollectBySymbol(ImmutableArray<Tick> ticks, int acceptedCount)
    {
        var verdicts = _partition.RentVerdicts(ticks.Length);
        var latest = _partition.RentLatest();
        if (acceptedCount > 0)
        {
            for (var i = 0; i < ticks.Length; i++)
            {
                var g = _partition.SymbolIndexOf(i);
                if (g >= 0 && verdicts[i] == TickRejectReason.None && (latest[g] < 0 || ticks[i].TimeMs >= ticks[latest[g]].TimeMs))
                {
                    latest[g] = i;
                }
            }
        }

        _anchors.Clear();
        _prices.Clear();
        for (var g = 0; g < _partition.Symbols; g++)
        {
            if (latest[g] < 0)
            {
                continue;
            }

            var tick = ticks[latest[g]];
            _prices.Add(tick);
            AddAnchors(tick.Symbol);
        }
    }

    private void AddAnchors(string symbol)
    {
        foreach (var anchor in universe.GroupsFor(symbol))
        {
            if (!_anchors.Contains(anchor))
            {
                _anchors.Add(anchor);
            }
        }
    }

    /// <summary>Sends the whole accepted batch, once, to each correlation group that has a member among its symbols (groups skip the rest).</summary>
    private Task ToGroups(ImmutableArray<Tick> accepted, ImmutableArray<Tick> composites)
    {
        ImmutableArray<Tick> all = composites.IsDefaultOrEmpty ? accepted : [.. accepted, .. composites];
        foreach (var tick in composites)
        {
            AddAnchors(tick.Symbol);
        }

        var calls = new Task[_anchors.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = Group(_anchors[i]).Ingest(all);
        }

        return Task.WhenAll(calls);
    }

    /// <summary>The last price of every symbol with an accepted tick: the batch's (collected per symbol) merged with the composites'.</summary>
    private ImmutableArray<SeriesUpdate> LastPrices(ImmutableArray<Tick> composites)
    {
        var last = _prices;
        foreach (var tick in composites)
        {
            var known = last.Count - 1;
            while (known >= 0 && last[known].Symbol != tick.Symbol)
            {
                known--;
            }

            if (known < 0)
            {
                last.Add(tick);
            }
            else if (tick.TimeMs >= last[known].TimeMs)
            {
                last[known] = tick;
            }
        }

        var updates = ImmutableArray.CreateBuilder<SeriesUpdate>(last.Count);
        foreach (var tick in last)
        {
            updates.Add(new SeriesUpdate(SeriesKind.Price, tick.Symbol, tick.TimeMs, tick.Price, BarClosed: false, tick.Source ?? TickSources.Publisher));
        }

        return updates.MoveToImmutable();
    }

    /// <summary>Grain references are kept: resolving one by string key formats type names and allocates.</summary>
    private IAssetGrain Asset(string symbol) =>
        _assets.TryGetValue(symbol, out var grain) ? grain : _assets[symbol] = GrainFactory.GetGrain<IAssetGrain>(symbol);

    private ICorrelationGroupGrain Group(string anchor) =>
        _groups.TryGetValue(anchor, out var grain) ? grain : _groups[anchor] = GrainFactory.GetGrain<ICorrelationGroupGrain>(anchor);
}
