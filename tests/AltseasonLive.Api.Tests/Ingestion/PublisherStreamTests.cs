using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Durability;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Ingestion;

/// <summary>
/// Publisher streams on a durable node: strict headers, ids scoped to the key, a bounded sequence jump, a bounded number
/// of streams per key with idle expiry, and a reset endpoint for the owner.
/// </summary>
public sealed class PublisherStreamTests : IAsyncLifetime
{
    private const string OtherKey = "second-test-ingestion-key";
    private ApiServer? _server;

    private ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "altseasonlive-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Feeds:Mode"] = "Off",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(folder, "state.db"),
            ["Durability:Enabled"] = "true",
            ["Ingestion:Keys:1"] = OtherKey,
            ["Ingestion:Streams:MaxStreamsPerKey"] = "3",
            ["Ingestion:Streams:IdleExpiry"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("feed", "-1")]
    [InlineData("feed", "+5")]
    [InlineData("feed", "1e3")]
    [InlineData("feed", "9223372036854775808")]
    [InlineData("feed", "")]
    [InlineData("this-id-is-sixty-five-characters-long-which-is-one-more-than-allowed", "1")]
    [InlineData("feed a", "1")]
    [InlineData("feed", null)]
    public async Task Malformed_stream_headers_are_a_400_with_a_reason(string id, string? sequence)
    {
        using var request = Publish(ApiServer.IngestionKey, id, sequence);
        using var response = await Send(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Stream-", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_stream_id_headers_are_a_400()
    {
        using var request = Publish(ApiServer.IngestionKey, "feed-twice", "1");
        request.Headers.Add(PublisherStreams.StreamIdHeader, "other");
        using var response = await Send(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_stream_id_belongs_to_its_key_so_another_key_cannot_blackhole_it()
    {
        using (var poison = await Send(Publish(OtherKey, "feedA", long.MaxValue.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.OK, poison.StatusCode);
        }

        using var honest = await Send(Publish(ApiServer.IngestionKey, "feedA", "1"));
        Assert.Equal(HttpStatusCode.OK, honest.StatusCode);
        Assert.False(honest.Headers.Contains(PublisherStreams.DuplicateHeader));
        Assert.Equal(1, JsonDocument.Parse(await honest.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());

        using var client = Client(ApiServer.IngestionKey);
        var status = JsonDocument.Parse(await client.GetStringAsync("/api/ingest/streams/feedA")).RootElement;
        Assert.Equal("feedA", status.GetProperty("streamId").GetString());
        Assert.Equal(1, status.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task A_sequence_far_past_the_last_is_a_400_and_leaves_the_stream_usable()
    {
        using (var first = await Send(Publish(ApiServer.IngestionKey, "jumpy", "10")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var jump = await Send(Publish(ApiServer.IngestionKey, "jumpy", long.MaxValue.ToString(CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, jump.StatusCode);
        }

        using var next = await Send(Publish(ApiServer.IngestionKey, "jumpy", "11"));
        Assert.Equal(1, JsonDocument.Parse(await next.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task The_owner_can_reset_its_stream_and_start_again_from_any_sequence()
    {
        using (var high = await Send(Publish(OtherKey, "resettable", "900000")))
        {
            Assert.Equal(HttpStatusCode.OK, high.StatusCode);
        }

        using (var dropped = await Send(Publish(OtherKey, "resettable", "1")))
        {
            Assert.True(dropped.Headers.Contains(PublisherStreams.DuplicateHeader));
        }

        using var stranger = Client(ApiServer.IngestionKey);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync("/api/ingest/streams/resettable")).StatusCode);
        using var owner = Client(OtherKey);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync("/api/ingest/streams/resettable")).StatusCode);

        using var again = await Send(Publish(OtherKey, "resettable", "1"));
        Assert.False(again.Headers.Contains(PublisherStreams.DuplicateHeader));
        Assert.Equal(1, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task A_key_holds_a_bounded_number_of_streams_and_idle_ones_expire()
    {
        const string key = "third-key-is-not-configured";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(Publish(key, "s", "1"))).StatusCode);

        var owner = ApiServer.IngestionKey;
        for (var i = 0; i < 3; i++)
        {
            using var response = await Send(Publish(owner, $"bounded-{i}", "1"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var over = await Send(Publish(owner, "bounded-over", "1")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
            Assert.Contains("streams", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        using var later = await Send(Publish(owner, "bounded-over", "1"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    private HttpClient Client(string key)
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static HttpRequestMessage Publish(string key, string id, string? sequence)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ticks")
        {
            Content = new StringContent($$"""[{"symbol":"BTC","time":{{now}},"price":91000}]""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.TryAddWithoutValidation(PublisherStreams.StreamIdHeader, id);
        if (sequence is not null)
        {
            request.Headers.TryAddWithoutValidation(PublisherStreams.SequenceHeader, sequence);
        }

        return request;
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request)
    {
        using var client = Server.CreateClient();
        using (request)
        {
            return await client.SendAsync(request);
        }
    }
}
