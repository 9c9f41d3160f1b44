namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// Persisted state of a correlation group: the committed bars that rebuild its banks (anchor close and partner closes
/// per bar, only bars where the anchor traded, newest last) and the in-progress bar. Bar indexes are time / bar size.
/// </summary>
[GenerateSerializer]
public sealed class CorrelationGroupState
{
    [Id(0)] public bool HasBar { get; set; }

    [Id(1)] public long BarIndex { get; set; }

    [Id(2)] public double? PendingAnchor { get; set; }

    [Id(3)] public Dictionary<string, double> PendingPartners { get; set; } = [];

    [Id(4)] public List<GroupBar> Bars { get; set; } = [];

    /// <summary>Ingest-log value (<see cref="Durability.LogPosition"/>) of the last call this state includes; 0 outside the ingest log.</summary>
    [Id(5)] public long LogPosition { get; set; }
}

/// <summary>One committed bar of a correlation group.</summary>
[GenerateSerializer, Immutable]
public sealed record GroupBar(
    [property: Id(0)] long BarIndex,
    [property: Id(1)] double Anchor,
    [property: Id(2)] Dictionary<string, double> Partners);
