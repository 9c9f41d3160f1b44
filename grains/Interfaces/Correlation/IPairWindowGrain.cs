using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Durability;

namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// One grain per pair x window x mode (key = <see cref="PairWindowKey"/> string, e.g. "RUT|TOTAL3|90|Returns"): keeps
/// its history and usual range and emits breakdown, sign-flip and recoupling events.
/// </summary>
public interface IPairWindowGrain : IGrainWithStringKey, ICheckpointedGrain
{
    /// <summary>Committed bars in time order (called by the correlation group).</summary>
    Task OnBarsClosed(ImmutableArray<PairBarClose> bars);

    Task<PairWindowSnapshot> GetSnapshot();
}
