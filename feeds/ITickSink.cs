using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds;

/// <summary>
/// The port through which ticks reach the market: the feeds publish through it, and so do the api's ingestion
/// endpoints. Hosts implement it (<see cref="Hosting.GrainTickSink"/> calls the ingest grain) and may wrap it (the api's
/// durable journal); feeds never call grains. The batch memory is only valid for the duration of the call: copy it if
/// it must outlive the call. The result lists refused ticks by their index in the batch.
/// </summary>
public interface ITickSink
{
    ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken);
}
