namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// Bar building and tick validation (section "Bars"). All durations in milliseconds. 1 s bars suit live feeds;
/// history replay sets <see cref="BarSizeMs"/> to 86 400 000 (one day), which makes windows count days.
/// </summary>
public sealed class BarOptions
{
    public const string SectionName = "Bars";

    public long BarSizeMs { get; set; } = 1_000;

    /// <summary>A tick older than the start of its asset's current bar by more than this is rejected as too late.</summary>
    public long LateToleranceMs { get; set; } = 2_000;

    /// <summary>A tick later than the silo's UTC clock by more than this is rejected.</summary>
    public long FutureToleranceMs { get; set; } = 300_000;

    /// <summary>Closed bars in each asset's volatility window.</summary>
    public int VolatilityWindow { get; set; } = 30;
}
