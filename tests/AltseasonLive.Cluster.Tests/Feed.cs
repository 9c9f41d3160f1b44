using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AltseasonLive.Testing;

namespace AltseasonLive.Cluster.Tests;

/// <summary>Publishing the <see cref="DurabilityFeed"/> to nodes, and reading back what a node serves.</summary>
public static class Feed
{
    public const int Days = 160;

    public static IReadOnlyList<string> Requests { get; } = DurabilityFeed.Requests(Days);

    /// <summary>Publisher stream of the feed: request <c>i</c> is sequence <c>i</c>, so a resent request is applied once.</summary>
    public const string StreamId = "cluster-test-feed";

    /// <summary>
    /// Posts request <paramref name="index"/> of <see cref="Requests"/> as sequence <paramref name="index"/> of
    /// <see cref="StreamId"/>; true when the node accepted every tick or knew the request already (an error or a 5xx is false).
    /// </summary>
    public static async Task<bool> TryPublishAsync(HttpClient client, int index)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ticks")
            {
                Content = new StringContent(Requests[index], Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Stream-Id", StreamId);
            request.Headers.Add("X-Stream-Sequence", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
            return summary.GetProperty("rejected").GetInt32() == 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public static async Task PublishAsync(HttpClient client, int index)
    {
        if (!await TryPublishAsync(client, index))
        {
            throw new InvalidOperationException($"{client.BaseAddress} did not accept a request.");
        }
    }

    /// <summary>The event log (every page), the correlations and the market as the node serves them.</summary>
    public static async Task<MarketState> ReadAsync(HttpClient client)
    {
        var events = new List<JsonElement>();
        long since = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/events?since={since}&max=1000");
            events.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.Clone()));
            if (!page.GetProperty("hasMore").GetBoolean() || events.Count == 0)
            {
                break;
            }

            since = events[^1].GetProperty("sequence").GetInt64();
        }

        return new MarketState(
            events,
            await client.GetFromJsonAsync<JsonElement>("/api/correlations?history=1000"),
            await client.GetFromJsonAsync<JsonElement>("/api/market"));
    }

    /// <summary>Waits until the node's <c>/readyz</c> reports <paramref name="silos"/> active silos.</summary>
    public static async Task WaitForActiveSilosAsync(ApiProcess node, int silos, TimeSpan timeout)
    {
        using var client = node.CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await client.GetStringAsync("/readyz");
                var ready = JsonDocument.Parse(last).RootElement;
                if (ready.GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("activeSilos").GetInt32() == silos)
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{node.BaseAddress} did not see {silos} active silos: {last}");
    }
}

/// <summary>What a node serves at the end of a run: the event log, <c>/api/correlations</c> and <c>/api/market</c>.</summary>
public sealed record MarketState(IReadOnlyList<JsonElement> Events, JsonElement Correlations, JsonElement Market)
{
    public IReadOnlyList<long> Sequences => [.. Events.Select(e => e.GetProperty("sequence").GetInt64())];

    /// <summary>Events without their node-independent differences removed: kind, time and text, in order.</summary>
    public IReadOnlyList<string> EventLines => [.. Events.Select(e => $"{e.GetProperty("sequence").GetInt64()} {e.GetProperty("timeMs").GetInt64()} {e.GetProperty("kind").GetString()} {e.GetProperty("text").GetString()}")];
}
