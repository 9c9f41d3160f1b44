using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Writes one hub message to one client connection; awaiting it waits for the transport to take the bytes. The message
/// is serialized once and shared by every connection it is written to.
/// </summary>
public interface IClientSender
{
    ValueTask SendAsync(SerializedHubMessage message, CancellationToken cancellationToken);
}
