using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;
using AltseasonLive.Feeds.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AltseasonLive.Api.Tests.Hubs;

/// <summary>
/// Issue #17 on the real product: clients that follow only <c>events</c> while the bundled history replays as fast as it
/// can must each receive every logged event exactly once and in sequence order. Before the ordered event path, runs
/// lost events (the hub dropped a batch that arrived after a later one) or got them out of order.
/// </summary>
public sealed class ReplayEventDeliveryTests(ITestOutputHelper output)
{
    private const int Runs = 2;
    private const int Subscribers = 3;

    [Fact]
    public async Task Events_only_clients_get_every_event_of_a_fast_history_replay_once_and_in_order()
    {
        for (var run = 1; run <= Runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            await using var server = await ApiServer.StartAsync(new Dictionary<string, string>
            {
                ["Feeds:Mode"] = "Demo",
                ["Feeds:Replay:Enabled"] = "true",
                ["Feeds:Replay:From"] = "2024-01-01",
                ["Feeds:Synthetic:Enabled"] = "false",
            });
            var clients = new List<HubTestClient>();
            try
            {
                for (var i = 0; i < Subscribers; i++)
                {
                    var client = await HubTestClient.ConnectAsync(server.BaseAddress);
                    clients.Add(client);
                    await client.SubscribeAsync("events", 0);
                }

                var (last, received) = await ReceiveUntilSettledAsync(server, clients, stopwatch);
                var expected = Enumerable.Range(1, (int)last).Select(i => (long)i).ToArray();
                Assert.True(last > 50, $"run {run}: the replay raised only {last} events");
                for (var i = 0; i < clients.Count; i++)
                {
                    var missing = expected.Except(received[i]).ToArray();
                    var outOfOrder = received[i].Zip(received[i].Skip(1)).Count(p => p.Second != p.First + 1);
                    output.WriteLine(
                        $"run {run} client {i}: {last} events in {stopwatch.Elapsed.TotalSeconds:F1} s, {received[i].Count} received, " +
                        $"missing [{string.Join(",", missing)}], {outOfOrder} out of order");
                    Assert.Equal(expected, received[i]);
                }
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisposeAsync();
                }
            }
        }
    }

    /// <summary>
    /// Collects every client's event sequences until the replay has finished (its last batch acknowledged, so every
    /// event is logged) and every client has the log's newest event.
    /// </summary>
    private static async Task<(long Last, List<long>[] Received)> ReceiveUntilSettledAsync(
        ApiServer server, List<HubTestClient> clients, Stopwatch stopwatch)
    {
        using var http = server.CreateClient();
        var replay = server.Services.GetRequiredService<ReplayCompletion>().Completed;
        var received = clients.Select(_ => new List<long>()).ToArray();
        long last = -1;
        while (!replay.IsCompleted || last < 0 || received.Any(r => r.Count == 0 || r[^1] < last))
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(150), $"the replay did not finish (last sequence {last})");
            await Task.Delay(200);
            for (var i = 0; i < clients.Count; i++)
            {
                foreach (var message in clients[i].Drain())
                {
                    received[i].AddRange(message.EventSequences);
                }
            }

            if (replay.IsCompleted && last < 0)
            {
                var head = await http.GetFromJsonAsync<JsonElement>("/api/events?max=1");
                last = head.GetProperty("lastSequence").GetInt64();
            }
        }

        // Nothing may follow the newest event (a repeat would show up here).
        await Task.Delay(300);
        for (var i = 0; i < clients.Count; i++)
        {
            foreach (var message in clients[i].Drain())
            {
                received[i].AddRange(message.EventSequences);
            }
        }

        return (last, received);
    }
}
