using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds;

/// <summary>
/// Where feeds send tick batches. Hosts implement it (e.g. by calling the ingest grain); feeds never call grains.
/// The batch memory is only valid for the duration of the call: copy it if it must outlive the call.
/// </summary>
public interface ITickSink
{
    ValueTask PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken);
}
