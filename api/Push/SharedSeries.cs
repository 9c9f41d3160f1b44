using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>One <c>series</c> message of one topic (<see cref="Count"/> values, latest per key) for all its subscribers.</summary>
public sealed record SharedSeries(string Topic, int Count, SerializedHubMessage Message)
{
    public static SharedSeries Create(string topic, SeriesMessage[] values) =>
        new(topic, values.Length, OutgoingMessage.Create(HubMethods.Series, values));
}
