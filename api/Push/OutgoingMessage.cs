using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Wraps a server-to-client invocation in a <see cref="SerializedHubMessage"/>: the protocol bytes are produced on the
/// first write and reused for every other connection the same instance is written to.
/// </summary>
public static class OutgoingMessage
{
    public static SerializedHubMessage Create(string method, object payload) => new(new InvocationMessage(method, [payload]));
}
