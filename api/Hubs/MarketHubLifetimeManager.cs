using AltseasonLive.Api.Push;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Hubs;

/// <summary>
/// SignalR's default single-node lifetime manager for <see cref="MarketHub"/>, which also gives each connection its
/// outbox in <see cref="MarketFanOut"/> (the one registry of this hub's connections) before the hub's
/// <c>OnConnectedAsync</c> runs, and removes it after its <c>OnDisconnectedAsync</c>.
/// </summary>
public sealed class MarketHubLifetimeManager(
    MarketFanOut fanOut,
    ILogger<DefaultHubLifetimeManager<MarketHub>> logger) : DefaultHubLifetimeManager<MarketHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        fanOut.Connect(connection);
        return base.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await fanOut.DisconnectAsync(connection.ConnectionId);
        await base.OnDisconnectedAsync(connection);
    }
}
