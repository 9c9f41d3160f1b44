using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;

namespace AltseasonLive.Api.Push;

/// <summary>
/// One <c>events</c> message for every client that follows events: serialized once, on first write. A client whose
/// replay already covered some of <see cref="Events"/> gets its own filtered copy instead.
/// </summary>
public sealed record SharedEvents(ImmutableArray<HubEvent> Events, SerializedHubMessage Message)
{
    public static SharedEvents Create(ImmutableArray<HubEvent> events) => new(events, OutgoingMessage.Create(HubMethods.Events, events));
}
