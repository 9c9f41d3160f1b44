using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds.Live;

/// <summary>
/// Keeps the daily closes a source backfilled (closed UTC days only), so a restart publishes them again without asking
/// the source. The host decides where (the api: its data folder).
/// </summary>
public interface IBackfillCache
{
    /// <summary>The cached daily ticks of <paramref name="source"/>, oldest first (empty when none).</summary>
    Task<IReadOnlyList<Tick>> LoadAsync(string source, CancellationToken cancellationToken);

    /// <summary>Replaces the cached daily ticks of <paramref name="source"/>.</summary>
    Task SaveAsync(string source, IReadOnlyList<Tick> ticks, CancellationToken cancellationToken);
}
