using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.History.Coins;

/// <summary>
/// The Altcoin Season Index on one day: <see cref="Index"/> is the percent (0..100) of counted coins whose price return
/// over the look-back beat BTC's; null when coverage is insufficient.
/// </summary>
public readonly record struct AltcoinSeasonDay(
    DateOnly Date,
    double? Index,
    int CoinsCounted,
    int CoinsBeatBtc,
    AltseasonCoverage Coverage,
    string Note);
