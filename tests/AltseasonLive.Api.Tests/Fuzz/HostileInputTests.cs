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

        Assert.True(campaign.Anomalies.Count == 0, $"{Seed}: valid traffic mishandled:\n{string.Join("\n", campaign.Anomalies.Take(10))}");
        var wrong = outcomes.Where(o => !o.AsExpected).Take(10)
            .Select(o => $"{o.Category}: {o.Payload} -> {o.Reason ?? "(no reason)"}").ToList();
        Assert.True(wrong.Count == 0, $"{Seed}: payloads not refused with a correct reason:\n{string.Join("\n", wrong)}");

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
