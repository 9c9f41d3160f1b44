using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// One <c>series</c> message of a flush (<see cref="Count"/> values, the latest per topic and key, of the changed topics
/// of one <see cref="SeriesSubscription"/>) for every connection that follows exactly those topics.
/// </summary>
/// <remarks>
/// <see cref="FlushedAt"/> is the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the flush that built it.
/// </remarks>
public sealed record SharedSeries(int Count, SerializedHubMessage Message, long FlushedAt)
{
    public static SharedSeries Create(SeriesMessage[] values) =>
        new(values.Length, OutgoingMessage.Create(HubMethods.Series, values), System.Diagnostics.Stopwatch.GetTimestamp());
}
