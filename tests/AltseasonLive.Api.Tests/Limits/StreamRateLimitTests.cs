using System.Net.WebSockets;

namespace AltseasonLive.Api.Tests.Limits;

[Collection(LimitsCollection.Name)]
public sealed class StreamRateLimitTests(LimitsFixture fixture)
{
    [Fact]
    public async Task Frames_over_the_connection_budget_get_error_acks_then_a_persistent_violator_is_closed_with_PolicyViolation()
    {
        using var violator = await fixture.ConnectStreamAsync(key: 4);
        using var neighbour = await fixture.ConnectStreamAsync(key: 4);
        for (var i = 1; i <= LimitsFixture.FrameBurst; i++)
        {
            var ack = await LimitsFixture.SendFrameAsync(violator, LimitsFixture.Ticks(1));
            Assert.NotNull(ack);
            Assert.Equal(i, ack.Value.GetProperty("frame").GetInt64());
            Assert.Equal(1, ack.Value.GetProperty("accepted").GetInt32());
            Assert.Null(ack.Value.GetProperty("error").GetString());
        }

        for (var i = 1; i <= LimitsFixture.StreamViolationsBeforeClose; i++)
        {
            var ack = await LimitsFixture.SendFrameAsync(violator, LimitsFixture.Ticks(1));
            Assert.NotNull(ack);
            Assert.Equal(LimitsFixture.FrameBurst + i, ack.Value.GetProperty("frame").GetInt64());
            Assert.Equal(0, ack.Value.GetProperty("accepted").GetInt32());
            Assert.Equal("FrameRateExceeded", ack.Value.GetProperty("reason").GetString());
            Assert.Contains("frames per second", ack.Value.GetProperty("error").GetString());
            Assert.True(ack.Value.GetProperty("retryAfterSeconds").GetDouble() > 0);
        }

        Assert.Null(await LimitsFixture.ReceiveAsync(violator));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, violator.CloseStatus);

        // Another connection of the same publisher has its own budget.
        var neighbourAck = await LimitsFixture.SendFrameAsync(neighbour, LimitsFixture.Ticks(2));
        Assert.NotNull(neighbourAck);
        Assert.Equal(2, neighbourAck.Value.GetProperty("accepted").GetInt32());
        await neighbour.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Ticks_over_the_connection_budget_refuse_the_frame_with_a_reason_and_an_allowed_frame_ends_the_streak()
    {
        using var socket = await fixture.ConnectStreamAsync(key: 5);
        var first = await LimitsFixture.SendFrameAsync(socket, LimitsFixture.Ticks(8));
        Assert.Equal(8, first!.Value.GetProperty("accepted").GetInt32());

        for (var i = 0; i < LimitsFixture.StreamViolationsBeforeClose - 1; i++)
        {
            var refused = await LimitsFixture.SendFrameAsync(socket, LimitsFixture.Ticks(5));
            Assert.NotNull(refused);
            Assert.Equal("TickRateExceeded", refused.Value.GetProperty("reason").GetString());
            Assert.Equal(5, refused.Value.GetProperty("received").GetInt32());
            Assert.Equal(0, refused.Value.GetProperty("accepted").GetInt32());
            Assert.Equal(5, refused.Value.GetProperty("rejected").GetInt32());
        }

        // Two ticks are left: this frame passes and resets the streak, so the connection stays open after the next refusal.
        var rest = await LimitsFixture.SendFrameAsync(socket, LimitsFixture.Ticks(2));
        Assert.Equal(2, rest!.Value.GetProperty("accepted").GetInt32());
        Assert.False(rest.Value.TryGetProperty("reason", out _));

        var again = await LimitsFixture.SendFrameAsync(socket, LimitsFixture.Ticks(1));
        Assert.Equal("TickRateExceeded", again!.Value.GetProperty("reason").GetString());
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_key_tick_budget_is_shared_by_its_connections_and_its_POSTs()
    {
        using var first = await fixture.ConnectStreamAsync(key: 8);
        using var second = await fixture.ConnectStreamAsync(key: 8);
        Assert.Equal(6, (await LimitsFixture.SendFrameAsync(first, LimitsFixture.Ticks(6)))!.Value.GetProperty("accepted").GetInt32());

        // The second connection has its own full budget, but the key has only 4 ticks left.
        var refused = await LimitsFixture.SendFrameAsync(second, LimitsFixture.Ticks(5));
        Assert.Equal("TickRateExceeded", refused!.Value.GetProperty("reason").GetString());
        Assert.Contains("for this publisher", refused.Value.GetProperty("error").GetString());

        Assert.Equal(3, (await LimitsFixture.SendFrameAsync(second, LimitsFixture.Ticks(3)))!.Value.GetProperty("accepted").GetInt32());
        using var client = fixture.CreateClient(key: 8);
        using var overBudget = await client.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(2)));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, overBudget.StatusCode);
        using var last = await client.PostAsync("/api/ticks", LimitsFixture.Json(LimitsFixture.Ticks(1)));
        Assert.Equal(System.Net.HttpStatusCode.OK, last.StatusCode);
    }
}
