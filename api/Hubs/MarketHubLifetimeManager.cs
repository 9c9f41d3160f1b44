using AltseasonLive.Api.Push;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Hubs;

/// <summary>
/// SignalR's default single-node lifetime manager for <see cref="MarketHub"/>, which also records each connection's
/// <see cref="HubConnectionContext"/> in <see cref="HubConnectionRegistry"/> (before the hub's <c>OnConnectedAsync</c>
/// runs, and until after its <c>OnDisconnectedAsync</c>).
/// </summary>
public sealed class MarketHubLifetimeManager(
    HubConnectionRegistry registry,
    ILogger<DefaultHubLifetimeManager<MarketHub>> logger) : DefaultHubLifetimeManager<MarketHub>(logger)
{
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        registry.Add(connection);
        return base.OnConnectedAsync(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        registry.Remove(connection.ConnectionId);
        return base.OnDisconnectedAsync(connection);
    }
}
