namespace AltseasonLive.LoadTest.Soak;

/// <summary>
/// What went wrong over a soak, as counts: publish errors (lost publisher connections or failed requests), ticks the
/// server rejected, subscribers that failed to connect or dropped during the run, and samples in which the server
/// acknowledged no tick at all (a stall). Any non-zero count fails the soak.
/// </summary>
public sealed record SoakErrors(long PublishErrors, long TicksRejected, int ConnectFailures, int SubscribersDropped, int StalledSamples)
{
    public bool Any => PublishErrors > 0 || TicksRejected > 0 || ConnectFailures > 0 || SubscribersDropped > 0 || StalledSamples > 0;
}
