namespace AltseasonLive.Feeds.Hosting;

/// <summary>How the synthetic feed stamps its ticks (option <c>Feeds:Synthetic:Clock</c>).</summary>
public enum SyntheticClock
{
    /// <summary>Simulated days from the day after the replay, one per <c>DayInterval</c>, then the wall clock once caught up.</summary>
    Simulated,

    /// <summary>The wall clock from the start, the model moving <c>Model:TimeScale</c> market seconds per wall second.</summary>
    Wall,
}
