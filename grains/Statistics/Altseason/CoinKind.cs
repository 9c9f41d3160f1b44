namespace AltseasonLive.Statistics.Altseason;

/// <summary>What kind of asset a coin is, for deciding whether it counts in the Altcoin Season Index.</summary>
public enum CoinKind
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
