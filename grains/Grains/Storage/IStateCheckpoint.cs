namespace AltseasonLive.Grains.Storage;

/// <summary>
/// Consistent snapshots of every grain state (checkpointed SQLite storage, <c>Storage:Checkpointed</c>). Grain writes
/// only mark the live state; <see cref="CommitAsync"/> serialises all of them and commits them in one SQLite transaction
/// together with the position of the last ingest-journal record they include. The caller must guarantee that no tick
/// batch is being applied while it runs.
/// </summary>
public interface IStateCheckpoint
{
    /// <summary>Journal position of the last committed checkpoint; 0 when none was committed.</summary>
    Task<long> ReadPositionAsync(CancellationToken cancellationToken);

    /// <summary>Commits every live grain state with <paramref name="position"/>; returns the number of rows written.</summary>
    Task<int> CommitAsync(long position, CancellationToken cancellationToken);
}
