namespace AltseasonLive.Grains.Interfaces.Durability;

/// <summary>
/// A grain whose state records the ingest-log position it includes and, in a cluster, is written only at the log's
/// checkpoints. <see cref="Flush"/> writes its state if it changed; <see cref="Discard"/> drops its activation without
/// writing, so that after a lost node every grain restarts from the same checkpoint and the log's replay brings all of
/// them forward together.
/// </summary>
public interface ICheckpointedGrain : IGrain
{
    Task Flush();

    Task Discard();
}
