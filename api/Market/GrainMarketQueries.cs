using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Push;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;


namespace AltseasonLive.Api.Market;

/// <summary>Answers hub snapshot and event-log queries from the grains.</summary>
public sealed class GrainMarketQueries(IGrainFactory grains, UniverseCache universe) : IMarketQueries
{
    public async Task<SnapshotMessage?> GetSnapshotAsync(MarketTopic topic, CancellationToken cancellationToken)
    {
        object? data = topic.Kind switch
        {
            MarketTopicKind.Dominance or MarketTopicKind.Altseason =>
                await grains.GetGrain<IMarketGrain>(0).GetSnapshot().WaitAsync(cancellationToken),
            MarketTopicKind.Asset when await IsKnownAssetAsync(topic.Argument, cancellationToken) =>
                await grains.GetGrain<IAssetGrain>(topic.Argument).GetSnapshot().WaitAsync(cancellationToken),
            MarketTopicKind.PairWindow when await IsKnownPairAsync(topic.Argument, cancellationToken) =>
                await grains.GetGrain<IPairWindowGrain>(topic.Argument).GetSnapshot().WaitAsync(cancellationToken),
            _ => null,
        };
        return data is null ? null : new SnapshotMessage(topic.ToString(), 0, data);
    }

    public async Task<HubEventPage> GetEventsSinceAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        var page = await grains.GetGrain<IEventLogGrain>(0).GetSince(afterSequence, max).WaitAsync(cancellationToken);
        return HubMessageMapper.ToHub(page);
    }

    public async Task<HubEventPage> GetRecentEventsAsync(int count, CancellationToken cancellationToken)
    {
        var log = grains.GetGrain<IEventLogGrain>(0);
        var head = await log.GetSince(long.MaxValue, 0).WaitAsync(cancellationToken);
        var after = Math.Max(head.OldestRetainedSequence - 1, head.LastSequence - count);
        var page = await log.GetSince(Math.Max(0, after), count).WaitAsync(cancellationToken);
        return HubMessageMapper.ToHub(page) with { OutOfRetention = false };
    }

    private async Task<bool> IsKnownAssetAsync(string symbol, CancellationToken ct) =>
        (await universe.GetAsync(ct)).Assets.Any(a => string.Equals(a.Symbol, symbol, StringComparison.OrdinalIgnoreCase));

    private async Task<bool> IsKnownPairAsync(string key, CancellationToken ct) =>
        PairWindowKey.TryParse(key, out var parsed) && (await universe.GetAsync(ct)).PairWindows.Contains(parsed);
}
