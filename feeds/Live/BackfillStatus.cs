namespace AltseasonLive.Feeds.Live;

/// <summary>What the start-up backfill did, for <c>GET /api/sources</c>: null <see cref="Reports"/> until it has run.</summary>
public sealed class BackfillStatus
{
    private volatile IReadOnlyList<BackfillReport>? _reports;

    public IReadOnlyList<BackfillReport>? Reports => _reports;

    public void Completed(IReadOnlyList<BackfillReport> reports) => _reports = reports;
}
