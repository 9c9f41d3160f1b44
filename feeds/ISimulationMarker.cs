namespace AltseasonLive.Feeds;

/// <summary>
/// Lets the host label what the demo produces: the synthetic feed calls it once, before its first tick, with the first
/// simulated time (UTC epoch ms); a live start calls it with null. Hosts mark events on bars from then on as simulated.
/// </summary>
public interface ISimulationMarker
{
    Task MarkSimulatedFromAsync(long? fromMs, CancellationToken cancellationToken);
}
