using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.History;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// The feeds' restart checkpoint read from the asset grains: the last tick (UTC epoch ms) and price of every symbol the
/// feeds publish (the replayed series and the synthetic legs), so a restart resumes instead of re-sending rejected history.
/// The one adapter both hosts (the api and the standalone silo) register for <see cref="IFeedCheckpoint"/>.
/// </summary>
public sealed class GrainFeedCheckpoint(IGrainFactory grains, BundledHistory history, IOptions<SyntheticFeedServiceOptions> options) : IFeedCheckpoint
{
    public async ValueTask<FeedCheckpoint?> GetAsync(CancellationToken cancellationToken)
    {
        var symbols = SyntheticStart.FromHistory(history, options.Value.Coins).Symbols;
        var snapshots = await Task.WhenAll(symbols.Select(s => grains.GetGrain<IAssetGrain>(s).GetSnapshot())).WaitAsync(cancellationToken);
        return FeedCheckpoint.FromLatest(snapshots.Select(s => (s.Symbol, s.LastTimeMs, s.LastPrice)));
    }
}
