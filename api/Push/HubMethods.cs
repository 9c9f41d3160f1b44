namespace AltseasonLive.Api.Push;

/// <summary>Names of the client methods the server invokes on <c>/hubs/market</c> connections.</summary>
public static class HubMethods
{
    /// <summary>Argument: <see cref="SnapshotMessage"/>. Always the first message of a subscription.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>Argument: array of <see cref="HubEvent"/>, in sequence order. Never coalesced.</summary>
    public const string Events = "events";

    /// <summary>Argument: array of <see cref="SeriesMessage"/>: the latest value per topic and key since the previous message.</summary>
    public const string Series = "series";

    /// <summary>Argument: <see cref="ResyncMessage"/>. The missed events are gone; a fresh snapshot follows.</summary>
    public const string Resync = "resync";
}
