using AltseasonLive.Api.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>Sends to one SignalR connection of <see cref="MarketHub"/> through the hub context (never from inside a hub call).</summary>
public sealed class HubClientSender(IHubContext<MarketHub> hub, string connectionId) : IClientSender
{
    public Task SendAsync(string method, object payload, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).SendAsync(method, payload, cancellationToken);
}
