using System.Text.Json;
using System.Threading.Channels;
using AltseasonLive.Api.Push;
using Microsoft.AspNetCore.SignalR.Client;

namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>A .NET SignalR client of /hubs/market that records every server message in arrival order.</summary>
public sealed class HubTestClient : IAsyncDisposable
{
    private readonly Channel<HubMessage> _messages = Channel.CreateUnbounded<HubMessage>();

    private HubTestClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in new[] { HubMethods.Snapshot, HubMethods.Events, HubMethods.Series, HubMethods.Resync })
        {
            connection.On<JsonElement>(method, payload => _messages.Writer.TryWrite(new HubMessage(method, payload)));
        }
    }

    public HubConnection Connection { get; }

    public string ConnectionId => Connection.ConnectionId ?? throw new InvalidOperationException("Not connected.");

    public static async Task<HubTestClient> ConnectAsync(Uri baseAddress)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/market")).Build();
        var client = new HubTestClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<string> SubscribeAsync(string topic, long? lastSequence = null) =>
        Connection.InvokeAsync<string>("Subscribe", topic, lastSequence);

    /// <summary>The next message, or a timeout failure (generous: a missing message is a bug, not slowness).</summary>
    public async Task<HubMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await _messages.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No hub message arrived.");
        }
    }

    /// <summary>Reads messages until <paramref name="done"/> says so; returns all of them.</summary>
    public async Task<List<HubMessage>> ReadUntilAsync(Func<HubMessage, bool> done, TimeSpan? timeout = null)
    {
        var seen = new List<HubMessage>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            HubMessage message;
            try
            {
                message = await _messages.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met after {seen.Count} messages: {string.Join(", ", seen.Select(m => m.Method))}");
            }

            seen.Add(message);
            if (done(message))
            {
                return seen;
            }
        }
    }

    /// <summary>Messages already received and not yet read.</summary>
    public List<HubMessage> Drain()
    {
        var list = new List<HubMessage>();
        while (_messages.Reader.TryRead(out var m))
        {
            list.Add(m);
        }

        return list;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>One server-to-client message: the client method name and its JSON argument.</summary>
public sealed record HubMessage(string Method, JsonElement Payload)
{
    public IEnumerable<long> EventSequences =>
        Method == HubMethods.Events ? Payload.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()) : [];

    public string? Topic => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("topic", out var t) ? t.GetString() : null;
}
