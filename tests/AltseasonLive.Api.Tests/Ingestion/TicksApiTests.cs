using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Ingestion;

[Collection(ProductCollection.Name)]
public sealed class TicksApiTests(ProductFixture fixture)
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static string IsoNow => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dGVzdC1pbmdlc3Rpb24ta2V5")]
    public async Task Publishing_without_the_right_key_is_401(string? authorization)
    {
        using var client = fixture.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ticks") { Content = Json($$"""[{"symbol":"BTC","time":{{Now}},"price":1}]""") };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Each_bad_item_is_rejected_with_its_reason_and_good_items_are_accepted()
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        var body = $$"""
            [
              {"symbol":"BTC","time":"{{IsoNow}}","price":75275.12,"marketCap":1.5e12},
              {"symbol":"ETH","time":{{Now}},"price":-3},
              {"time":{{Now}},"price":3},
              {"symbol":"ETH","time":"yesterday-ish","price":3},
              42,
              {"symbol":"NOSUCHCOIN","time":{{Now}},"price":3},
              {"symbol":"eth","time":{{Now}},"price":2500.5,"supply":120700000}
            ]
            """;
        using var response = await client.PostAsync("/api/ticks", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(7, summary.GetProperty("received").GetInt32());
        Assert.Equal(2, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(5, summary.GetProperty("rejected").GetInt32());
        var reasons = summary.GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("reason").GetString()))
            .ToList();
        Assert.Equal(
            [(1, "InvalidPrice"), (2, "MissingSymbol"), (3, "InvalidTime"), (4, "NotAnObject"), (5, "UnknownSymbol")],
            reasons);

        var eth = await client.GetFromJsonAsync<JsonElement>("/api/assets/ETH");
        Assert.Equal(2500.5, eth.GetProperty("lastPrice").GetDouble());
    }

    [Fact]
    public async Task Ndjson_lines_are_items_and_a_malformed_line_is_rejected_alone()
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        var body = $$"""
            {"symbol":"SOL","time":{{Now}},"price":180.25}

            {"symbol":"SOL","time":{{Now}},"price":
            {"symbol":"XRP","time":"{{IsoNow}}","price":2.1}
            """;
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await client.PostAsync("/api/ticks", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, summary.GetProperty("received").GetInt32());
        Assert.Equal(2, summary.GetProperty("accepted").GetInt32());
        var rejection = Assert.Single(summary.GetProperty("rejections").EnumerateArray());
        Assert.Equal(1, rejection.GetProperty("index").GetInt32());
        Assert.Equal("MalformedJson", rejection.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"symbol":"BTC","time":1770000000000,"price":1}""")]
    [InlineData("[]")]
    [InlineData("""[{"symbol":"BTC","time":1770000000000,"price":1}""")]
    [InlineData("""[1, "two", {"symbol":"BTC"}]""")]
    public async Task A_wholly_bad_request_is_400_problem_details(string body)
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        using var response = await client.PostAsync("/api/ticks", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Requests_over_the_item_or_byte_limit_are_413()
    {
        using var client = fixture.Server.CreateClient(authorized: true);
        var now = Now;
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, ProductFixture.MaxItems + 1)
            .Select(_ => $$"""{"symbol":"BTC","time":{{now}},"price":1}""")) + "]";
        using var many = await client.PostAsync("/api/ticks", Json(tooMany));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);

        var tooBig = $$"""[{"symbol":"BTC","time":{{now}},"price":1,"pad":"{{new string('x', ProductFixture.MaxRequestBytes)}}"}]""";
        using var big = await client.PostAsync("/api/ticks", Json(tooBig));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/ticks") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(tooBig))) };
        chunked.Headers.TransferEncodingChunked = true;
        using var bigChunked = await client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bigChunked.StatusCode);
    }

    [Fact]
    public async Task WebSocket_stream_acknowledges_every_frame_with_counts()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {ApiServer.IngestionKey}");
        await socket.ConnectAsync(new Uri($"ws://{fixture.Server.BaseAddress.Authority}/api/ticks/ws"), CancellationToken.None);

        var ack1 = await SendFrameAsync(socket, $$"""[{"symbol":"BNB","time":{{Now}},"price":900},{"symbol":"BNB","time":{{Now}},"price":0},{"symbol":"ADA","time":{{Now}},"price":0.7}]""");
        Assert.Equal(1, ack1.GetProperty("frame").GetInt64());
        Assert.Equal(2, ack1.GetProperty("accepted").GetInt32());
        Assert.Equal(1, ack1.GetProperty("rejected").GetInt32());
        Assert.Equal(1, ack1.GetProperty("rejections")[0].GetProperty("index").GetInt32());

        var ack2 = await SendFrameAsync(socket, $"{{\"symbol\":\"ADA\",\"time\":{Now},\"price\":0.71}}\n{{\"symbol\":\"DOGE\",\"time\":{Now},\"price\":0.2}}\n");
        Assert.Equal(2, ack2.GetProperty("frame").GetInt64());
        Assert.Equal(2, ack2.GetProperty("accepted").GetInt32());

        var ack3 = await SendFrameAsync(socket, "[ this is not json");
        Assert.Equal(3, ack3.GetProperty("frame").GetInt64());
        Assert.Equal(0, ack3.GetProperty("accepted").GetInt32());
        Assert.False(string.IsNullOrEmpty(ack3.GetProperty("error").GetString()));

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task WebSocket_stream_without_the_key_is_refused_with_401()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", "Bearer nope");
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://{fixture.Server.BaseAddress.Authority}/api/ticks/ws"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Read_endpoints_answer_and_openapi_describes_them()
    {
        using var client = fixture.Server.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/ticks", paths);
        Assert.Contains("/api/events", paths);
        Assert.Contains("/api/market", paths);

        var universe = await client.GetFromJsonAsync<JsonElement>("/api/universe");
        Assert.NotEmpty(universe.GetProperty("pairWindows").EnumerateArray());
        var correlations = await client.GetFromJsonAsync<JsonElement>("/api/correlations");
        Assert.Equal(universe.GetProperty("pairWindows").GetArrayLength(), correlations.GetArrayLength());
        var events = await client.GetFromJsonAsync<JsonElement>("/api/events?since=0");
        Assert.True(events.GetProperty("lastSequence").GetInt64() >= 0);
        using var missing = await client.GetAsync("/api/assets/NOSUCHCOIN");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var thresholds = await client.GetFromJsonAsync<JsonElement>("/api/thresholds");
        Assert.Equal(75, thresholds.GetProperty("altcoinSeason").GetDouble());
    }

    private static async Task<JsonElement> SendFrameAsync(ClientWebSocket socket, string frame)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        using var ms = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
            ms.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(ms.ToArray()).RootElement;
    }
}
