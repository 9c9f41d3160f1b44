namespace AltseasonLive.Api.Push;

/// <summary>Sends one message to one client connection; awaiting it waits for the transport to take the bytes.</summary>
public interface IClientSender
{
    Task SendAsync(string method, object payload, CancellationToken cancellationToken);
}
