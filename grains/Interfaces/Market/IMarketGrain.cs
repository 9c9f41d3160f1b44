using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Durability;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>
/// The market (key 0): TOTAL, TOTAL2, TOTAL3, BTC.D, ETH.D, USDT.D and the Altcoin Season Index; dominance-level and
/// altseason events.
/// </summary>
public interface IMarketGrain : IGrainWithIntegerKey, ICheckpointedGrain
{
    /// <summary>
    /// Takes accepted ticks and returns the computed composite series as ticks (TOTAL, TOTAL2, TOTAL3, BTC.D, ...) for
    /// the caller to feed into their asset grains and correlation groups. Series a feed supplies itself are not returned.
    /// </summary>
    Task<ImmutableArray<Tick>> Ingest(ImmutableArray<Tick> ticks);

    /// <summary>
    /// Verdicts, in order, for feed-supplied composite and dominance ticks before their asset grains accept them:
    /// <see cref="TickRejectReason.InconsistentComposite"/> for one that breaks TOTAL &gt;= TOTAL2 &gt;= TOTAL3 or makes
    /// the dominances add up to more than 100 against the other supplied series (and the earlier ticks of the call).
    /// </summary>
    Task<ImmutableArray<TickRejectReason>> CheckComposites(ImmutableArray<Tick> ticks);

    Task<MarketSnapshot> GetSnapshot();
}
