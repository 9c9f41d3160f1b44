namespace AltseasonLive.Statistics.Altseason;

/// <summary>
/// The Altcoin Season Index on one day: <see cref="Index"/> is the percent (0..100) of counted coins whose return over
/// the look-back beat BTC's, null when coverage is insufficient; <see cref="Note"/> says why in words.
/// </summary>
public readonly record struct AltseasonIndexResult(double? Index, int CoinsCounted, int CoinsBeatBtc, AltseasonCoverage Coverage, string Note);
