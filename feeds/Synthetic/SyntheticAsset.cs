namespace AltseasonLive.Feeds.Synthetic;

/// <summary>
/// A starting level for one synthetic leg: <see cref="Price"/> in USD (index points for RUT), <see cref="MarketCap"/>
/// in USD when the leg is a coin (its supply is held fixed, so the cap moves with the price).
/// </summary>
public readonly record struct SyntheticAsset(string Symbol, double Price, double? MarketCap = null);
