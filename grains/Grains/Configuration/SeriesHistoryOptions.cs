using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Market-series history (section "SeriesHistory"): how many of the newest bar closes each series keeps.</summary>
public sealed class SeriesHistoryOptions
{
    public const string SectionName = "SeriesHistory";

    /// <summary>Bars kept per series; the default covers the bundled daily history (2017 on).</summary>
    [Range(1, 10_000_000, ErrorMessage = "SeriesHistory:Length must be between {1} and {2} bars.")]
    public int Length { get; set; } = 4000;
}
