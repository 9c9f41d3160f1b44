using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AltseasonLive.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AltseasonLive.Api.Tests.Fuzz;

/// <summary>
/// Item 1 of "Reliability and security": seeded hostile input against the ingestion endpoints (see <see cref="FuzzCampaign"/>),
/// checked for a reasoned refusal of every payload, a live server afterwards, and grain state untouched by the refusals.
/// </summary>
public sealed class HostileInputTests(FuzzCampaign campaign, ITestOutputHelper output) : IClassFixture<FuzzCampaign>
{
    private static readonly string[] SnapshotPaths =
        ["/api/assets", "/api/correlations?history=1000", "/api/market", "/api/events?since=0&max=1000"];

    private static string Seed => $"seed {FuzzCampaign.Seed}";

    [Fact]
    public async Task Ten_thousand_malformed_payloads_are_each_rejected_with_a_reason_and_the_server_stays_up()
    {
        var outcomes = campaign.Outcomes;
        foreach (var group in outcomes.GroupBy(o => o.Category).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key}: {group.Count()}");
        }

        output.WriteLine($"{Seed}: {outcomes.Count} payloads, {campaign.ValidBatches.Sum(b => b.Count)} valid ticks in {campaign.ValidBatches.Count} batches");
        Assert.True(outcomes.Count >= 10_000, $"{Seed}: only {outcomes.Count} payloads were generated");
        var missing = Enum.GetValues<FuzzCategory>().Except(outcomes.Select(o => o.Category)).ToList();
        Assert.True(missing.Count == 0, $"{Seed}: categories never exercised: {string.Join(", ", missing)}");

        var wrong = outcomes.Where(o => !o.AsExpected).Take(10)
            .Select(o => $"{o.Category}: {o.Payload} -> {o.Reason ?? "(no reason)"}").ToList();
        Assert.True(wrong.Count == 0, $"{Seed}: payloads not refused with a correct reason:\n{string.Join("\n", wrong)}");
        Assert.True(campaign.Anomalies.Count == 0, $"{Seed}: valid traffic mishandled:\n{string.Join("\n", campaign.Anomalies.Take(10))}");

        using var client = campaign.Server.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        Assert.Equal(campaign.FinalBatchSize, campaign.FinalBatchAccepted);
    }

    [Fact]
    public async Task State_after_fuzzing_equals_state_from_valid_ticks_alone()
    {
        await using var clean = await ApiServer.StartAsync(FuzzCampaign.Settings);
        using var publisher = clean.CreateClient(authorized: true);
        foreach (var batch in campaign.ValidBatches)
        {
            using var content = new StringContent(FuzzCampaign.Array(batch.Select(t => t.Json)), System.Text.Encoding.UTF8, "application/json");
            using var response = await publisher.PostAsync("/api/ticks", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(batch.Count, summary.GetProperty("accepted").GetInt32());
        }

        using var fuzzed = campaign.Server.CreateClient();
        using var reference = clean.CreateClient();
        foreach (var path in SnapshotPaths)
        {
            var expected = Comparable(path, await reference.GetStringAsync(path));
            var actual = Comparable(path, await fuzzed.GetStringAsync(path));
            Assert.True(expected == actual, $"{Seed}: {path} differs after fuzzing.\nvalid only: {Excerpt(expected, actual)}");
        }

        var events = JsonDocument.Parse(await reference.GetStringAsync("/api/events?since=0&max=1000")).RootElement;
        var assets = JsonDocument.Parse(await reference.GetStringAsync("/api/assets")).RootElement;
        Assert.True(assets.GetArrayLength() > 0, $"{Seed}: no assets to compare");
        Assert.False(events.GetProperty("hasMore").GetBoolean(), $"{Seed}: more events than one page, the comparison would miss some");
        output.WriteLine($"{Seed}: compared {assets.GetArrayLength()} assets and {events.GetProperty("lastSequence").GetInt64()} events");
    }

    [Fact]
    public async Task After_the_campaign_every_endpoint_answers_200_with_finite_numbers_and_every_hub_topic_can_be_subscribed()
    {
        using var client = campaign.Server.CreateClient();
        var universe = JsonDocument.Parse(await client.GetStringAsync("/api/universe")).RootElement;
        var symbols = universe.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("symbol").GetString()!).ToList();
        var pairs = universe.GetProperty("pairWindows").EnumerateArray()
            .Select(p => $"{p.GetProperty("anchor").GetString()}|{p.GetProperty("partner").GetString()}|{p.GetProperty("window").GetInt32()}|{p.GetProperty("mode").GetString()}")
            .ToList();
        var paths = new List<string> { "/api/universe", "/api/assets", "/api/market", "/api/thresholds", "/api/correlations", "/api/events?since=0&max=1000", "/api/stats", "/healthz" };
        paths.AddRange(symbols.Select(s => $"/api/assets/{Uri.EscapeDataString(s)}"));
        paths.AddRange(pairs.Select(p => "/api/correlations/" + string.Join('/', p.Split('|').Select(Uri.EscapeDataString))));
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Seed}: {path} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                AssertFinite(JsonDocument.Parse(body).RootElement, path);
            }
        }

        var topics = new List<string> { "events", "dominance", "altseason" };
        topics.AddRange(symbols.Select(s => $"asset:{s}"));
        topics.AddRange(pairs.Select(p => $"pair:{p}"));
        var messages = 0;
        foreach (var chunk in topics.Chunk(30))
        {
            // A connection holds at most 32 subscriptions.
            await using var hub = await HubTestClient.ConnectAsync(campaign.Server.BaseAddress);
            foreach (var topic in chunk)
            {
                await hub.SubscribeAsync(topic);
            }

            // Every snapshot the subscriptions asked for was written to the connection, which is still open.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            messages += hub.Drain().Count;
            Assert.True(hub.Connection.State == Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, $"{Seed}: the hub closed after {string.Join(", ", chunk)}");
        }

        output.WriteLine($"{Seed}: {paths.Count} endpoints, {topics.Count} topics, {messages} hub messages");
    }

    private static void AssertFinite(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.True(element.TryGetDouble(out var value) && double.IsFinite(value), $"{Seed}: {path} holds {element.GetRawText()}");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertFinite(property.Value, path);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertFinite(item, path);
                }

                break;
        }
    }

    /// <summary>
    /// Snapshots compare as served, except the event log: events of one bar come from several grains at once (each
    /// correlation group appends its own), so their order, and hence their sequence numbers, is arrival order and
    /// differs between any two runs. Events compare as a sorted list without <c>sequence</c>; their number still
    /// compares through <c>lastSequence</c>.
    /// </summary>
    private static string Comparable(string path, string json)
    {
        if (!path.StartsWith("/api/events", StringComparison.Ordinal))
        {
            return json;
        }

        var root = JsonNode.Parse(json)!.AsObject();
        var events = root["events"]!.AsArray().Select(e =>
        {
            var item = e!.AsObject();
            item.Remove("sequence");
            (item["event"] as JsonObject)?.Remove("sequence");
            return item.ToJsonString();
        }).Order(StringComparer.Ordinal).ToList();
        root.Remove("events");
        return root.ToJsonString() + "\n" + string.Join("\n", events);
    }

    /// <summary>The first difference with some context, so a failure says where the states part.</summary>
    private static string Excerpt(string expected, string actual)
    {
        var at = 0;
        while (at < Math.Min(expected.Length, actual.Length) && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 200);
        return $"{expected.Substring(from, Math.Min(400, expected.Length - from))}\nfuzzed: {actual.Substring(from, Math.Min(400, actual.Length - from))}";
    }
}
