namespace AltseasonLive.Grains.Interfaces.Durability;

/// <summary>
/// A grain whose state records the ingest-log position it includes. <see cref="Flush"/> writes its state if it changed,
/// so that after a checkpoint every grain's stored state includes the log up to the checkpoint's position.
/// </summary>
public interface ICheckpointedGrain : IGrain
{
    Task Flush();
}
