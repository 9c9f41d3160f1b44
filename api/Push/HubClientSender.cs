using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Writes straight to one connection of <see cref="Hubs.MarketHub"/>: the bytes of a <see cref="SerializedHubMessage"/>
/// are produced once per protocol and copied into each connection's transport, never re-serialized per client.
/// </summary>
public sealed class HubClientSender(HubConnectionContext connection) : IClientSender
{
    public ValueTask SendAsync(SerializedHubMessage message, CancellationToken cancellationToken) =>
        connection.WriteAsync(message, cancellationToken);
}
