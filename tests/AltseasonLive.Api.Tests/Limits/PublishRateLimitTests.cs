using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace AltseasonLive.Api.Tests.Limits;

[Collection(LimitsCollection.Name)]
public sealed class PublishRateLimitTests(LimitsFixture fixture)
{
    [Fact]
    public async Task Requests_over_the_key_budget_get_429_with_Retry_After_and_another_key_is_still_served()
    {
        using var limited = fixture.CreateClient(key: 0);
        for (var i = 0; i < LimitsFixture.RequestBurst; i++)
        {
            using var ok = await limited.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(1)));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await limited.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(1)));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var delay = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(delay);
        Assert.True(delay > TimeSpan.FromSeconds(1), $"Retry-After {delay} should reflect the 1,000 s refill");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("RequestRateExceeded", problem.GetProperty("reason").GetString());
        Assert.Equal((long)delay.Value.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt64());

        using var other = fixture.CreateClient(key: 2);
        using var served = await other.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(1)));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(1, (await served.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("received").GetInt32());
    }

    [Fact]
    public async Task Ticks_over_the_key_budget_get_429_and_nothing_of_that_request_is_charged_or_published()
    {
        using var client = fixture.CreateClient(key: 1);
        using var first = await client.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(6)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var refused = await client.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(5)));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TickRateExceeded", problem.GetProperty("reason").GetString());

        // The 4 ticks left in the bucket still pass: the refused request took none.
        using var rest = await client.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(4)));
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal(4, (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("received").GetInt32());

        using var other = fixture.CreateClient(key: 3);
        using var served = await other.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(LimitsFixture.MaxItems)));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task WebSocket_upgrades_count_against_the_key_request_budget()
    {
        using var client = fixture.CreateClient(key: 6);
        for (var i = 0; i < LimitsFixture.RequestBurst; i++)
        {
            using var ok = await client.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(1)));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Authorization", $"Bearer {LimitsFixture.Key(6)}");
        await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://{fixture.Server.BaseAddress.Authority}/api/ticks/ws"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.TooManyRequests, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Requests_with_a_wrong_key_are_charged_to_their_address_not_to_a_fresh_bucket_per_guess()
    {
        // Unauthorised requests share the bucket of their IP: guess after guess meets 401 until that bucket is empty, then 429.
        using var guesser = fixture.Server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LimitsFixture.RequestBurst + 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ticks") { Content = LimitsFixture.Json(LimitsFixture.Ticks(1)) };
            request.Headers.Authorization = new("Bearer", $"guess-{i}");
            using var response = await guesser.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, LimitsFixture.RequestBurst), statuses.Take(LimitsFixture.RequestBurst));
        Assert.All(statuses.Skip(LimitsFixture.RequestBurst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        using var publisher = fixture.CreateClient(key: 7);
        using var served = await publisher.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(1)));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
