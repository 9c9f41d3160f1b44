namespace AltseasonLive.Grains.Storage;

/// <summary>
/// A grain that keeps part of its persisted data in working structures between state writes implements this, so a
/// checkpoint (<see cref="IStateCheckpoint"/>) can copy that data into the state object before serialising it. Called
/// while ingestion is quiesced, outside the grain's scheduler: it may only copy into the state object it is given (the
/// persistent-state facade refuses callers outside the grain), never await or call other grains.
/// </summary>
public interface ICheckpointParticipant
{
    void PrepareCheckpoint(object state);
}
