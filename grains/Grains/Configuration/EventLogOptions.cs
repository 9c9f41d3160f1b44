using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Event log retention (section "Events"): how many of the newest events stay readable through GetSince.</summary>
public sealed class EventLogOptions
{
    public const string SectionName = "Events";

    [Range(1, 10_000_000, ErrorMessage = "Events:Retention must be between {1} and {2}.")]
    public int Retention { get; set; } = 5_000;
}
