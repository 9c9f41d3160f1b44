using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace AltseasonLive.Api.Tests.Limits;

[Collection(LimitsCollection.Name)]
public sealed class HubInvocationRateLimitTests(LimitsFixture fixture)
{
    [Fact]
    public async Task An_invocation_flood_gets_HubExceptions_then_the_connection_is_aborted_and_others_are_unaffected()
    {
        await using var flooder = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        await using var bystander = await HubTestClient.ConnectAsync(fixture.Server.BaseAddress);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        flooder.Connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        for (var i = 0; i < LimitsFixture.InvocationBurst; i++)
        {
            Assert.False(await flooder.Connection.InvokeAsync<bool>("Unsubscribe", "events"));
        }

        for (var i = 0; i < LimitsFixture.HubViolationsBeforeAbort - 1; i++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => flooder.Connection.InvokeAsync<bool>("Unsubscribe", "events"));
            Assert.Contains("InvocationRateExceeded", refused.Message);
        }

        Assert.Equal(HubConnectionState.Connected, flooder.Connection.State);
        await Assert.ThrowsAnyAsync<Exception>(() => flooder.Connection.InvokeAsync<bool>("Unsubscribe", "events"));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, flooder.Connection.State);

        Assert.Equal("events", await bystander.SubscribeAsync("events"));
        Assert.True(await bystander.Connection.InvokeAsync<bool>("Unsubscribe", "events"));
        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
    }
}
