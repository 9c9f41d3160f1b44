namespace AltseasonLive.Grains.Events;

/// <summary>
/// Marks the grain calls made on behalf of one tick batch (an Orleans request-context entry that flows with every call
/// the ingest grain makes), so the event log can hold the batch's events until the batch seals.
/// </summary>
public static class EventBatch
{
    /// <summary>Request-context key; its value is true for the calls of a batch.</summary>
    public const string ContextKey = "altseason.event-batch";
}
