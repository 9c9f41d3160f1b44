using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// What the silo watches (section "Universe"). Lists left empty in configuration get <see cref="DefaultUniverse"/>'s
/// values: the seed's RUT, SPX, TOTAL/TOTAL2/TOTAL3, dominances and the top coins; pairs RUT vs TOTAL3, BTC, ETH and
/// TOTAL2; windows 30, 90 and 365 bars; both modes. A list given in configuration replaces the default list whole.
/// </summary>
public sealed class UniverseOptions
{
    public const string SectionName = "Universe";

    public List<AssetOptions> Assets { get; set; } = [];

    public List<PairOptions> Pairs { get; set; } = [];

    /// <summary>Default windows (bars) for pairs that list none.</summary>
    public List<int> Windows { get; set; } = [];

    /// <summary>Default modes for pairs that list none.</summary>
    public List<CorrelationMode> Modes { get; set; } = [];

    /// <summary>Symbols whose closes are watched for new all-time highs.</summary>
    public List<string> AllTimeHighSymbols { get; set; } = [];

    public List<StreakOptions> Streaks { get; set; } = [];

    /// <summary>
    /// Product symbols of coins outside <see cref="Assets"/> that the Altcoin Season Index counts and that may tick
    /// without a market cap (a day with a price only still gives the close the look-back needs). Empty = the bundled
    /// panel's coins. Other unlisted symbols become coins when a tick first brings their market cap.
    /// </summary>
    public List<string> Coins { get; set; } = [];
}
