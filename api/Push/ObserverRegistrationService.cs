using AltseasonLive.Api.Market;
using AltseasonLive.Grains.Interfaces.Live;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Push;

/// <summary>
/// GPSTracker-style bridge from grains to browsers: creates an object reference for <see cref="HubMarketObserver"/> and
/// registers it with <see cref="IObserverRegistryGrain"/> every <see cref="PushBridgeOptions.RegisterInterval"/>
/// (the registry forgets observers that stop renewing). Grains never see the hub. Before the first registration it reads
/// the event log's newest sequence, where this hub's live events start (<see cref="MarketFanOut.StartEvents"/>).
/// </summary>
public sealed partial class ObserverRegistrationService(
    IGrainFactory grains,
    HubMarketObserver observer,
    MarketFanOut fanOut,
    IMarketQueries queries,
    IOptions<PushBridgeOptions> options,
    TimeProvider time,
    ILogger<ObserverRegistrationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IMarketObserver>(observer);
        var registry = grains.GetGrain<IObserverRegistryGrain>(0);
        using var timer = new PeriodicTimer(options.Value.RegisterInterval, time);
        try
        {
            do
            {
                try
                {
                    if (!fanOut.Events.IsStarted)
                    {
                        var head = await queries.GetRecentEventsAsync(0, stoppingToken);
                        fanOut.StartEvents(head.LatestSequence);
                    }

                    await registry.Register(reference);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRegisterFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await UnregisterAsync(registry, reference);
        }
    }

    private async Task UnregisterAsync(IObserverRegistryGrain registry, IMarketObserver reference)
    {
        try
        {
            await registry.Unregister(reference).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex)
        {
            LogUnregisterFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the hub observer; retrying")]
    private partial void LogRegisterFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not unregister the hub observer at shutdown; the registry expires it")]
    private partial void LogUnregisterFailed(Exception exception);
}
