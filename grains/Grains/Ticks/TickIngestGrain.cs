using System.Collections.Immutable;
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
/// take the same path through their asset grains; finally each correlation group gets its accepted ticks in one call
/// and the dashboards get the last price of every symbol. Returns when all of it, including events, is done.
/// </summary>
[StatelessWorker]
public sealed class TickIngestGrain(UniverseCatalog universe) : Grain, ITickIngestGrain
{
    public async Task<TickBatchResult> Ingest(ImmutableArray<Tick> ticks)
    {
        if (ticks.IsDefaultOrEmpty)
        {
            return new TickBatchResult(0, []);
        }

        var rejections = ImmutableArray.CreateBuilder<TickRejection>();
        var accepted = await ToAssets(ticks, rejections);
        var composites = await GrainFactory.GetGrain<IMarketGrain>(0).Ingest(accepted);
        var acceptedComposites = composites.IsDefaultOrEmpty ? [] : await ToAssets(composites, rejections: null);

        await Task.WhenAll(ToGroups(accepted, acceptedComposites));
        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishSeries(LastPrices(accepted, acceptedComposites));
        return new TickBatchResult(accepted.Length, rejections.ToImmutable());
    }

    /// <summary>Sends each symbol's ticks to its asset grain and returns the accepted ones (batch order within a symbol).</summary>
    private async Task<ImmutableArray<Tick>> ToAssets(ImmutableArray<Tick> ticks, ImmutableArray<TickRejection>.Builder? rejections)
    {
        var bySymbol = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < ticks.Length; i++)
        {
            var symbol = ticks[i].Symbol;
            if (string.IsNullOrEmpty(symbol) || !universe.IsKnown(symbol))
            {
                rejections?.Add(new TickRejection(i, symbol ?? "", TickRejectReason.UnknownSymbol));
                continue;
            }

            if (!bySymbol.TryGetValue(symbol, out var indexes))
            {
                bySymbol[symbol] = indexes = [];
            }

            indexes.Add(i);
        }

        var calls = bySymbol.Select(async pair =>
        {
            var verdicts = await GrainFactory.GetGrain<IAssetGrain>(pair.Key).Ingest([.. pair.Value.Select(i => ticks[i])]);
            return (Indexes: pair.Value, Verdicts: verdicts);
        }).ToList();

        var acceptedIndexes = new List<int>(ticks.Length);
        foreach (var (indexes, verdicts) in await Task.WhenAll(calls))
        {
            for (var k = 0; k < indexes.Count; k++)
            {
                if (verdicts[k] == TickRejectReason.None)
                {
                    acceptedIndexes.Add(indexes[k]);
                }
                else
                {
                    rejections?.Add(new TickRejection(indexes[k], ticks[indexes[k]].Symbol, verdicts[k]));
                }
            }
        }

        if (rejections is not null)
        {
            rejections.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        acceptedIndexes.Sort();
        return [.. acceptedIndexes.Select(i => ticks[i])];
    }

    private IEnumerable<Task> ToGroups(ImmutableArray<Tick> accepted, ImmutableArray<Tick> composites)
    {
        var byGroup = new Dictionary<string, ImmutableArray<Tick>.Builder>(StringComparer.Ordinal);
        foreach (var tick in accepted.Concat(composites))
        {
            foreach (var anchor in universe.GroupsFor(tick.Symbol))
            {
                if (!byGroup.TryGetValue(anchor, out var builder))
                {
                    byGroup[anchor] = builder = ImmutableArray.CreateBuilder<Tick>();
                }

                builder.Add(tick);
            }
        }

        return byGroup.Select(g => GrainFactory.GetGrain<ICorrelationGroupGrain>(g.Key).Ingest(g.Value.ToImmutable()));
    }

    private static ImmutableArray<SeriesUpdate> LastPrices(ImmutableArray<Tick> accepted, ImmutableArray<Tick> composites)
    {
        var last = new Dictionary<string, Tick>(StringComparer.Ordinal);
        foreach (var tick in accepted.Concat(composites))
        {
            if (!last.TryGetValue(tick.Symbol, out var seen) || tick.TimeMs >= seen.TimeMs)
            {
                last[tick.Symbol] = tick;
            }
        }

        return [.. last.Values.Select(t => new SeriesUpdate(SeriesKind.Price, t.Symbol, t.TimeMs, t.Price, BarClosed: false))];
    }
}
