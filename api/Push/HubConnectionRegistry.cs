using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// The live <see cref="HubConnectionContext"/> of every <see cref="Hubs.MarketHub"/> connection, filled by
/// <see cref="Hubs.MarketHubLifetimeManager"/>, so that <see cref="MarketFanOut"/> can write pre-serialized messages
/// to a connection without going through <c>IHubContext</c> (which serializes per call).
/// </summary>
public sealed class HubConnectionRegistry
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    public void Add(HubConnectionContext connection) => _connections[connection.ConnectionId] = connection;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public HubConnectionContext? Find(string connectionId) => _connections.TryGetValue(connectionId, out var c) ? c : null;
}
