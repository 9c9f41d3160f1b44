namespace AltseasonLive.History.Coins;

/// <summary>
/// Altcoin Season Index parameters. <see cref="TopN"/> coins by market cap that day (stablecoins, wrapped/staked and
/// asset-backed tokens and BTC excluded), returns over <see cref="LookbackDays"/> calendar days, and no value when fewer
/// than <see cref="MinimumCoins"/> coins have data.
/// </summary>
public sealed record AltcoinSeasonOptions(int TopN = 50, int LookbackDays = 90, int MinimumCoins = 25);
