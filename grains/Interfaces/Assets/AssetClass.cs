namespace AltseasonLive.Grains.Interfaces.Assets;

/// <summary>What a symbol is; decides whether it counts in TOTAL and in the Altcoin Season Index.</summary>
public enum AssetClass
{
    EquityIndex,
    Coin,
    Stablecoin,
    /// <summary>Wrapped or staked tokens (WBTC, STETH): excluded from TOTAL and the Altcoin Season Index.</summary>
    Wrapped,
    /// <summary>Market-cap aggregates (TOTAL, TOTAL2, TOTAL3), in USD.</summary>
    Composite,
    /// <summary>Dominance series (BTC.D, ETH.D, USDT.D), in percent.</summary>
    Dominance,
}
