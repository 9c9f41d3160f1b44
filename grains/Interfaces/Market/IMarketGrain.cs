using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>
/// The market (key 0): TOTAL, TOTAL2, TOTAL3, BTC.D, ETH.D, USDT.D and the Altcoin Season Index; dominance-level and
/// altseason events.
/// </summary>
public interface IMarketGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Takes accepted ticks and returns the computed composite series as ticks (TOTAL, TOTAL2, TOTAL3, BTC.D, ...) for
    /// the caller to feed into their asset grains and correlation groups. Series a feed supplies itself are not returned.
    /// </summary>
    Task<ImmutableArray<Tick>> Ingest(ImmutableArray<Tick> ticks);

    Task<MarketSnapshot> GetSnapshot();
}
