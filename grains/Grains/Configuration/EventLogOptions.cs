namespace AltseasonLive.Grains.Configuration;

/// <summary>Event log retention (section "Events"): how many of the newest events stay readable through GetSince.</summary>
public sealed class EventLogOptions
{
    public const string SectionName = "Events";

    public int Retention { get; set; } = 5_000;
}
