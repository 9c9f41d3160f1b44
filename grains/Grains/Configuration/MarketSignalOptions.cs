using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// Market event rules (section "Signals:Market"). Dominance levels in percent per symbol; tolerances are fractions of
/// the level (0.002 of 55% = 0.11 points). A level is crossed when a bar closes beyond it by the crossing hysteresis;
/// a rejection is a close within the touch tolerance of the level followed, without a cross, by a close that turned
/// away by the rejection turn. The Altcoin Season Index is the percent of the top <see cref="AltseasonTopCoins"/> coins
/// (class Coin, BTC excluded) whose return over <see cref="AltseasonLookbackDays"/> days beat BTC's.
/// </summary>
public sealed class MarketSignalOptions
{
    public const string SectionName = "Signals:Market";

    /// <summary>Per dominance symbol, its levels (percent). Empty in configuration = defaults (BTC.D 50/55/57/59/60, ...).</summary>
    public Dictionary<string, List<double>> DominanceLevels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    [Range(0.0, 1.0, ErrorMessage = "Signals:Market:CrossingHysteresis must be between {1} and {2}.")]
    public double CrossingHysteresis { get; set; } = 0.002;

    [Range(0.0, 1.0, ErrorMessage = "Signals:Market:TouchTolerance must be between {1} and {2}.")]
    public double TouchTolerance { get; set; } = 0.003;

    [Range(0.0, 1.0, ErrorMessage = "Signals:Market:RejectionTurn must be between {1} and {2}.")]
    public double RejectionTurn { get; set; } = 0.015;

    [Range(0.0, 100.0, ErrorMessage = "Signals:Market:AltcoinSeasonThreshold must be between {1} and {2}.")]
    public double AltcoinSeasonThreshold { get; set; } = 75;

    [Range(0.0, 100.0, ErrorMessage = "Signals:Market:BitcoinSeasonThreshold must be between {1} and {2}.")]
    public double BitcoinSeasonThreshold { get; set; } = 25;

    /// <summary>
    /// Index points a season must be left by before it ends (stops a storm at the threshold). With 25-50 eligible coins
    /// one coin moves the index by 2-4 points, so the default asks for about three coins to turn before a season ends.
    /// </summary>
    [Range(0.0, 100.0, ErrorMessage = "Signals:Market:AltseasonHysteresis must be between {1} and {2}.")]
    public double AltseasonHysteresis { get; set; } = 10;

    [Range(1, 3650, ErrorMessage = "Signals:Market:AltseasonLookbackDays must be between {1} and {2}.")]
    public int AltseasonLookbackDays { get; set; } = 90;

    [Range(1, 10_000, ErrorMessage = "Signals:Market:AltseasonTopCoins must be between {1} and {2}.")]
    public int AltseasonTopCoins { get; set; } = 50;

    /// <summary>
    /// Fewer coins with full lookback history than this leaves the index undefined: half the top 50, the same coverage
    /// rule as the <c>altseason</c> CLI command, so that a handful of coins cannot declare a season.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Signals:Market:AltseasonMinCoins must be between {1} and {2}.")]
    public int AltseasonMinCoins { get; set; } = 25;

    /// <summary>Streak length (sessions) at which an outperformance event is first emitted; every longer streak emits again.</summary>
    [Range(1, 10_000, ErrorMessage = "Signals:Market:StreakLength must be between {1} and {2}.")]
    public int StreakLength { get; set; } = 5;

    /// <summary>Closed bars needed before an all-time high counts as a breakout.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Signals:Market:AllTimeHighMinBars must be between {1} and {2}.")]
    public int AllTimeHighMinBars { get; set; } = 20;

    /// <summary>Fraction the close must fall below the high before a further new high emits again.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Signals:Market:AllTimeHighRearm must be between {1} and {2}.")]
    public double AllTimeHighRearm { get; set; } = 0.02;
}
