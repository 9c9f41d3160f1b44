using AltseasonLive.Grains.Interfaces.Assets;

namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// Fat-finger checks applied before a tick is accepted (configuration section <c>Plausibility</c>), one band per asset
/// class. The defaults leave every day of the bundled history (the largest daily move is a 35-fold SHIB rise) and real
/// crashes through, and refuse 1000-fold jumps and values near the limits of a double.
/// </summary>
public sealed class PlausibilityOptions
{
    public const string SectionName = "Plausibility";

    public PlausibilityBand Coin { get; set; } = new();

    public PlausibilityBand Stablecoin { get; set; } = new() { MinPrice = 1e-6, MaxPrice = 1e4 };

    public PlausibilityBand Wrapped { get; set; } = new();

    /// <summary>Equity indexes (the Russell 2000's largest daily move is 17 %).</summary>
    public PlausibilityBand EquityIndex { get; set; } = new() { MinPrice = 1e-3, MaxPrice = 1e7, MaxMoveFactor = 10 };

    /// <summary>TOTAL, TOTAL2, TOTAL3 in USD.</summary>
    public PlausibilityBand Composite { get; set; } = new() { MinPrice = 1e3, MaxPrice = 1e16, MaxMoveFactor = 10 };

    /// <summary>Dominances in percent of TOTAL.</summary>
    public PlausibilityBand Dominance { get; set; } = new() { MinPrice = 1e-6, MaxPrice = 100, MaxMoveFactor = 10 };

    /// <summary>
    /// Slack (fraction) on composite ordering: a supplied TOTAL3 may exceed the supplied TOTAL2 by this much, and the
    /// supplied dominances may add up to 100 x (1 + this), since feeds sample the series at slightly different times.
    /// </summary>
    public double CompositeTolerance { get; set; } = 0.02;

    public PlausibilityBand For(AssetClass assetClass) => assetClass switch
    {
        AssetClass.Coin => Coin,
        AssetClass.Stablecoin => Stablecoin,
        AssetClass.Wrapped => Wrapped,
        AssetClass.EquityIndex => EquityIndex,
        AssetClass.Composite => Composite,
        AssetClass.Dominance => Dominance,
        _ => Coin,
    };
}
