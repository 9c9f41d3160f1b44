using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AltseasonLive.Grains.Live;

/// <summary>
/// GPSTracker-style push notifier: callers enqueue and return at once; a timer flushes at most
/// <see cref="PushOptions.MaxBatch"/> items every <see cref="PushOptions.FlushInterval"/> to every registered
/// observer. Series updates are coalesced per series (only the newest value of each is sent; a series keeps its place
/// in the queue, so a busy series cannot starve the others), so a burst of ticks cannot grow the queue without bound;
/// events are never dropped.
/// </summary>
[StatelessWorker]
public sealed class PushNotifierGrain : Grain, IPushNotifierGrain
{
    private readonly Queue<MarketEvent> _events = new();
    private readonly CoalescingSeriesQueue _series = new();
    private readonly PushOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PushNotifierGrain> _logger;
    private ImmutableArray<IMarketObserver> _observers = [];
    private long _observersFetched;
    private bool _observersKnown;

    public PushNotifierGrain(IOptions<PushOptions> options, TimeProvider clock, ILogger<PushNotifierGrain> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = _options.FlushInterval;
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(period, period) { Interleave = false });
        return Task.CompletedTask;
    }

    public Task PublishEvents(ImmutableArray<MarketEvent> events)
    {
        foreach (var e in events)
        {
            _events.Enqueue(e);
        }

        return Task.CompletedTask;
    }

    public Task PublishSeries(ImmutableArray<SeriesUpdate> updates)
    {
        foreach (var update in updates)
        {
            _series.Add(update);
        }

        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_events.Count == 0 && _series.Count == 0)
        {
            return;
        }

        var observers = await GetObservers();
        var budget = _options.MaxBatch;
        var events = ImmutableArray.CreateBuilder<MarketEvent>();
        while (budget > 0 && _events.TryDequeue(out var e))
        {
            events.Add(e);
            budget--;
        }

        var (eventBatch, seriesBatch) = (events.ToImmutable(), _series.Drain(budget));
        foreach (var observer in observers)
        {
            await Send(observer, eventBatch, seriesBatch);
        }
    }

    private async Task Send(IMarketObserver observer, ImmutableArray<MarketEvent> events, ImmutableArray<SeriesUpdate> series)
    {
        try
        {
            if (events.Length > 0)
            {
                await observer.OnEvents(events);
            }

            if (series.Length > 0)
            {
                await observer.OnSeries(series);
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            _logger.LogWarning(ex, "Dropped a push of {Events} events and {Series} series updates to an unreachable observer", events.Length, series.Length);
        }
    }

    private async Task<ImmutableArray<IMarketObserver>> GetObservers()
    {
        if (!_observersKnown || _clock.GetElapsedTime(_observersFetched) > _options.ObserverRefresh)
        {
            _observers = await GrainFactory.GetGrain<IObserverRegistryGrain>(0).GetObservers();
            _observersFetched = _clock.GetTimestamp();
            _observersKnown = true;
        }

        return _observers;
    }
}
