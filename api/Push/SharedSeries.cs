using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// One <c>series</c> message of a flush (<see cref="Count"/> values, the latest per topic and key, of the changed topics
/// of one <see cref="SeriesSubscription"/>) for every connection that follows exactly those topics.
/// </summary>
public sealed record SharedSeries(int Count, SerializedHubMessage Message)
{
    public static SharedSeries Create(SeriesMessage[] values) => new(values.Length, OutgoingMessage.Create(HubMethods.Series, values));
}
