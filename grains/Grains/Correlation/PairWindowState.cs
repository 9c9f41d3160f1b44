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

    /// <summary>Ingest-log value (<see cref="Durability.LogPosition"/>) of the last call this state includes; 0 outside the ingest log.</summary>
    [Id(4)] public long LogPosition { get; set; }
}

/// <summary>
/// Event state of a pair-window: coupling (for breakdown/recoupling), the sign of the correlation past the hysteresis,
/// and the dates a sign flip claims. Times are bar starts, UTC epoch ms; "on a side" means strictly above or below zero.
/// </summary>
[GenerateSerializer]
public sealed class PairSignalState
{
    [Id(0)] public CouplingState Coupling { get; set; } = CouplingState.WarmingUp;

    [Id(1)] public long BrokeDownAtMs { get; set; }

    /// <summary>+1 or -1 once the correlation has been beyond the hysteresis on one side of zero, 0 before.</summary>
    [Id(2)] public int Sign { get; set; }

    /// <summary>The last bar whose value was above zero.</summary>
    [Id(3)] public long? LastPositiveMs { get; set; }

    /// <summary>The last bar whose value was below zero.</summary>
    [Id(4)] public long? LastNegativeMs { get; set; }

    /// <summary>Side of zero of the last evaluated bar: +1, -1, or 0 (exactly zero, or none yet).</summary>
    [Id(5)] public int LastSide { get; set; }

    /// <summary>The last bar above zero before the current (or latest) run of bars above zero.</summary>
    [Id(6)] public long? PositiveBeforeRunMs { get; set; }

    /// <summary>The last bar below zero before the current (or latest) run of bars below zero.</summary>
    [Id(7)] public long? NegativeBeforeRunMs { get; set; }

    /// <summary>The last bar above the hysteresis (+0.05 by default).</summary>
    [Id(8)] public long? LastBeyondPositiveMs { get; set; }

    /// <summary>The last bar below minus the hysteresis (-0.05 by default).</summary>
    [Id(9)] public long? LastBeyondNegativeMs { get; set; }
}
