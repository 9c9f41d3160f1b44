using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// Bar building and tick validation (section "Bars"). Durations as <c>d.hh:mm:ss.fff</c>. 1 s bars suit live feeds;
/// the product's appsettings set <see cref="BarSize"/> to one day (<c>1.00:00:00</c>), which makes windows count days.
/// </summary>
public sealed class BarOptions
{
    public const string SectionName = "Bars";

    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00", ErrorMessage = "Bars:BarSize must be between {1} and {2}.")]
    public TimeSpan BarSize { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A tick older than the start of its asset's current bar by more than this is rejected as too late.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = "Bars:LateTolerance must be between {1} and {2}.")]
    public TimeSpan LateTolerance { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A tick later than the silo's UTC clock by more than this is rejected.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00", ErrorMessage = "Bars:FutureTolerance must be between {1} and {2}.")]
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Closed bars in each asset's volatility window.</summary>
    [Range(2, 100_000, ErrorMessage = "Bars:VolatilityWindow must be between {1} and {2}.")]
    public int VolatilityWindow { get; set; } = 30;

}
