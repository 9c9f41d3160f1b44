using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Api.Tests.Hubs;

[Collection(ProductCollection.Name)]
public sealed class StatsApiTests(ProductFixture fixture)
{
    [Fact]
    public async Task Stats_count_received_accepted_and_rejected_ticks_of_each_request()
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/stats");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = $$"""[{"symbol":"BTC","time":{{now}},"price":75000},{"symbol":"ETH","time":{{now}},"price":-3},{"symbol":"NOSUCHCOIN","time":{{now}},"price":3}]""";
        using var response = await client.PostAsync("/api/ticks", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        var after = await client.GetFromJsonAsync<JsonElement>("/api/stats");
        long Delta(string name) => after.GetProperty("ticks").GetProperty(name).GetInt64() - before.GetProperty("ticks").GetProperty(name).GetInt64();
        Assert.Equal(3, Delta("received"));
        Assert.Equal(1, Delta("accepted"));
        Assert.Equal(2, Delta("rejected"));
        Assert.Equal(1, Delta("batches"));
        Assert.True(after.GetProperty("process").GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(after.GetProperty("process").GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.True(after.GetProperty("uptimeSeconds").GetDouble() >= before.GetProperty("uptimeSeconds").GetDouble());
    }

    [Fact]
    public async Task Stats_count_hub_connections_offered_series_and_sent_messages()
    {
        using var http = fixture.Server.CreateClient();
        var before = (await http.GetFromJsonAsync<JsonElement>("/api/stats")).GetProperty("hub");
        await using var subscriber = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await subscriber.SubscribeAsync("events");
        Assert.Equal(HubMethods.Snapshot, (await subscriber.NextAsync()).Method);

        var fanOut = fixture.Server.Services.GetRequiredService<MarketFanOut>();
        fanOut.PublishSeries([new SeriesMessage("dominance", "Dominance", "BTC.D", 1, 55, false), new SeriesMessage("dominance", "Dominance", "ETH.D", 1, 9, false)]);

        var hub = (await http.GetFromJsonAsync<JsonElement>("/api/stats")).GetProperty("hub");
        Assert.True(hub.GetProperty("connections").GetInt32() >= 1);
        Assert.Equal(2, hub.GetProperty("seriesOffered").GetInt64() - before.GetProperty("seriesOffered").GetInt64());
        Assert.True(hub.GetProperty("messagesSent").GetInt64() > before.GetProperty("messagesSent").GetInt64(), "the snapshot was not counted");
        Assert.Equal(hub.GetProperty("outboxCapacity").GetInt32(), fixture.Server.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<AltseasonLive.Api.Hubs.MarketHubOptions>>().Value.ClientBufferCapacity);
        Assert.True(hub.GetProperty("outboxQueuedMax").GetInt64() >= 0);
    }
}
