namespace AltseasonLive.Statistics.Altseason;

/// <summary>
/// Altcoin Season Index parameters: the top <see cref="TopN"/> eligible coins by market cap that day, returns over
/// <see cref="LookbackDays"/> calendar (UTC) days, and no value when fewer than <see cref="MinimumCoins"/> coins have data.
/// </summary>
public sealed record AltseasonIndexParameters(int TopN = 50, int LookbackDays = 90, int MinimumCoins = 25);
