namespace AltseasonLive.History.Coins;

/// <summary>What kind of asset a coin is, for deciding whether it counts in altcoin-season style measures.</summary>
public enum CoinClass
{
    /// <summary>An ordinary coin or token; counts.</summary>
    Coin,

    /// <summary>A USD-pegged stablecoin; excluded.</summary>
    Stablecoin,

    /// <summary>A wrapped, bridged or liquid-staking token that tracks another coin; excluded.</summary>
    WrappedOrStaked,

    /// <summary>A token backed by an off-chain asset (e.g. tokenised loans, gold); excluded.</summary>
    AssetBacked,
}
