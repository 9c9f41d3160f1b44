using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// One grain per pair x window x mode (key = <see cref="PairWindowKey"/> string, e.g. "RUT|TOTAL3|90|Returns"): keeps
/// its history and usual range and emits breakdown, sign-flip and recoupling events.
/// </summary>
public interface IPairWindowGrain : IGrainWithStringKey
{
    /// <summary>Committed bars in time order (called by the correlation group).</summary>
    Task OnBarsClosed(ImmutableArray<PairBarClose> bars);

    Task<PairWindowSnapshot> GetSnapshot();
}
