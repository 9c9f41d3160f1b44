using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Durability;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Interfaces.Assets;

/// <summary>One grain per symbol (key = symbol): validates ticks, builds bars, keeps last price, market cap and volatility.</summary>
public interface IAssetGrain : IGrainWithStringKey, ICheckpointedGrain
{
    /// <summary>Applies the ticks in order; the result holds one verdict per tick, <see cref="TickRejectReason.None"/> when accepted.</summary>
    Task<ImmutableArray<TickRejectReason>> Ingest(ImmutableArray<Tick> ticks);

    Task<AssetSnapshot> GetSnapshot();
}
