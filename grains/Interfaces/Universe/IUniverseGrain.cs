namespace AltseasonLive.Grains.Interfaces.Universe;

/// <summary>Read-only view of the configured universe (key 0), for hosts that do not see the silo's options.</summary>
public interface IUniverseGrain : IGrainWithIntegerKey
{
    Task<UniverseInfo> GetUniverse();
}
