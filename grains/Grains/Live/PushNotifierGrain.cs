using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AltseasonLive.Grains.Live;

/// <summary>
/// Hands each batch at once to every registered observer, on the caller's silo. It keeps no queue and no timer: the
/// hub's fan-out is the one place where series are coalesced and flushed, and the hub's event sequencer puts events
/// back in sequence order whichever activation (or silo) forwarded them, so several activations are harmless.
/// The caller does not wait for the observers; an unreachable one is logged and its registration expires.
/// </summary>
[StatelessWorker]
public sealed partial class PushNotifierGrain : Grain, IPushNotifierGrain
{
    private readonly TimeSpan _observerRefresh;
    private readonly TimeProvider _clock;
    private readonly ILogger<PushNotifierGrain> _logger;
    private ImmutableArray<IMarketObserver> _observers = [];
    private long _observersFetched;
    private bool _observersKnown;

    public PushNotifierGrain(IOptions<PushOptions> options, TimeProvider clock, ILogger<PushNotifierGrain> logger)
    {
        _observerRefresh = options.Value.ObserverRefresh;
        _clock = clock;
        _logger = logger;
    }

    public async Task PublishEvents(ImmutableArray<MarketEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var observer in await GetObservers())
        {
            _ = ForwardAsync(observer.OnEvents(events), events.Length, 0);
        }
    }

    public async Task PublishSeries(ImmutableArray<SeriesUpdate> updates)
    {
        if (updates.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var observer in await GetObservers())
        {
            _ = ForwardAsync(observer.OnSeries(updates), 0, updates.Length);
        }
    }

    private async Task ForwardAsync(Task send, int events, int series)
    {
        try
        {
            await send;
        }
        catch (Exception ex)
        {
            LogUnreachable(ex, events, series);
        }
    }

    private async ValueTask<ImmutableArray<IMarketObserver>> GetObservers()
    {
        if (!_observersKnown || _clock.GetElapsedTime(_observersFetched) > _observerRefresh)
        {
            _observers = await GrainFactory.GetGrain<IObserverRegistryGrain>(0).GetObservers();
            _observersFetched = _clock.GetTimestamp();
            _observersKnown = true;
        }

        return _observers;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push of {Events} events and {Series} series updates did not reach an observer; the hub refetches missed events from the log")]
    private partial void LogUnreachable(Exception exception, int events, int series);
}
