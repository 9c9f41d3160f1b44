using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Live;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Live;

/// <summary>
/// Registered live observers (key 0), each with the wall time of its last registration. Not persisted: hosts
/// re-register every few seconds, so after a restart the list rebuilds itself.
/// </summary>
public sealed class ObserverRegistryGrain : Grain, IObserverRegistryGrain
{
    private readonly Dictionary<IMarketObserver, long> _observers = [];
    private readonly TimeProvider _clock;
    private readonly TimeSpan _expiry;

    public ObserverRegistryGrain(TimeProvider clock, IOptions<PushOptions> options)
    {
        _clock = clock;
        _expiry = options.Value.ObserverExpiry;
    }

    public Task Register(IMarketObserver observer)
    {
        _observers[observer] = _clock.GetTimestamp();
        return Task.CompletedTask;
    }

    public Task Unregister(IMarketObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<IMarketObserver>> GetObservers()
    {
        foreach (var (observer, registered) in _observers.ToList())
        {
            if (_clock.GetElapsedTime(registered) > _expiry)
            {
                _observers.Remove(observer);
            }
        }

        return Task.FromResult(_observers.Keys.ToImmutableArray());
    }
}
