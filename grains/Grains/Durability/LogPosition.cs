namespace AltseasonLive.Grains.Durability;

/// <summary>
/// The ingest-log position of the batch a grain call belongs to, carried in the Orleans request context (it flows with
/// every call made on the batch's behalf). The value is the batch's log position x 2, plus 1 for the second step of a
/// batch (the composites the market hands back and the correlation groups), so an asset grain that takes a tick in both
/// steps of one batch sees two increasing values. No value: the ingest log is off.
/// </summary>
public static class LogPosition
{
    public const string ContextKey = "altseason.log-position";

    /// <summary>The current call's value, or null outside the ingest log.</summary>
    public static long? Current => RequestContext.Get(ContextKey) is long value ? value : null;

    /// <summary>The batch's log position of a value.</summary>
    public static long BatchOf(long value) => value / 2;

    public static void SetFirstStep(long batchPosition) => RequestContext.Set(ContextKey, batchPosition * 2);

    /// <summary>Moves the current call's value to the second step of its batch (no-op outside the ingest log).</summary>
    public static void MoveToSecondStep()
    {
        if (Current is { } value && value % 2 == 0)
        {
            RequestContext.Set(ContextKey, value + 1);
        }
    }

    /// <summary>True when a state that includes <paramref name="stored"/> already includes the current call.</summary>
    public static bool AlreadyApplied(long stored) => Current is { } value && value <= stored;
}
