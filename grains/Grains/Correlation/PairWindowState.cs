using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Correlation;

/// <summary>Persisted state of a pair-window grain. Times UTC epoch ms (bar starts).</summary>
[GenerateSerializer]
public sealed class PairWindowState
{
    [Id(0)] public List<HistoryPoint> History { get; set; } = [];

    /// <summary>The values the usual-range band has learnt from, oldest first (at most the band lookback).</summary>
    [Id(1)] public List<double> BandInputs { get; set; } = [];

    [Id(2)] public CorrelationValue? Last { get; set; }

    [Id(3)] public PairSignalState Signals { get; set; } = new();
}

/// <summary>Event state of a pair-window: coupling (for breakdown/recoupling) and the sign of the correlation.</summary>
[GenerateSerializer]
public sealed class PairSignalState
{
    [Id(0)] public CouplingState Coupling { get; set; } = CouplingState.WarmingUp;

    [Id(1)] public long BrokeDownAtMs { get; set; }

    /// <summary>+1 or -1 once the correlation has been clearly on one side of zero, 0 before.</summary>
    [Id(2)] public int Sign { get; set; }

    [Id(3)] public long? LastPositiveMs { get; set; }

    [Id(4)] public long? LastNegativeMs { get; set; }
}
