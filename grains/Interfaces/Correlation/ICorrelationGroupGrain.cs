using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Durability;
using AltseasonLive.Grains.Interfaces.Ticks;
using Orleans.Concurrency;

namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// One grain per anchor symbol (key = anchor, e.g. "RUT"). Holds the vectorised correlation banks of every configured
/// pair with that anchor, in both modes, updates them with one pass per tick, and on each bar close hands every
/// pair-window grain its committed statistics.
/// </summary>
public interface ICorrelationGroupGrain : IGrainWithStringKey, ICheckpointedGrain
{
    /// <summary>Accepted ticks of the anchor and its partners, any order (they are sorted by time).</summary>
    Task Ingest(ImmutableArray<Tick> ticks);

    /// <summary>
    /// Statistics including the in-progress bar; null when the key is not in this group or nothing is known yet.
    /// Interleaves with <see cref="Ingest"/> so that a pair-window grain can ask while the group is notifying it.
    /// </summary>
    [AlwaysInterleave]
    Task<CorrelationValue?> GetLive(PairWindowKey key);
}
