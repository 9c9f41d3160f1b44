namespace AltseasonLive.Statistics.Altseason;

/// <summary>
/// One coin as the index sees it on day D: its product symbol, its market cap on D (USD) and its closes on D and on
/// D minus the look-back (USD). A null or non-positive value means "no data that day" and leaves the coin out.
/// </summary>
public readonly record struct AltseasonCandidate(string Symbol, double? MarketCap, double? PriceNow, double? PriceThen);
