using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Persisted state of the market grain. Caps in USD by coin (listed, and unlisted coins that came with a cap, which count in the Altcoin Season Index only); daily closes by coin and UTC day for the Altcoin Season
/// Index; per composite/dominance symbol its current bar (feed-supplied or computed); level trackers per dominance symbol.
/// </summary>
[GenerateSerializer]
public sealed class MarketState
{
    [Id(0)] public Dictionary<string, double> Caps { get; set; } = [];

    [Id(1)] public Dictionary<string, SortedDictionary<long, double>> DailyCloses { get; set; } = [];

    [Id(2)] public Dictionary<string, SeriesBar> Series { get; set; } = [];

    [Id(3)] public HashSet<string> Supplied { get; set; } = [];

    [Id(4)] public Dictionary<string, DominanceLevelTracker> Levels { get; set; } = [];

    [Id(5)] public AltseasonPhaseTracker Phase { get; set; } = new();

    [Id(6)] public double? AltseasonIndex { get; set; }

    [Id(7)] public int AltseasonCoins { get; set; }

    [Id(8)] public bool HasCoinBar { get; set; }

    [Id(9)] public long CoinBarIndex { get; set; }

    [Id(10)] public long LastCoinTimeMs { get; set; }

    [Id(11)] public bool CompositesDirty { get; set; }

    [Id(12)] public long TimeMs { get; set; }

    /// <summary>Per coin, the UTC day number of its latest market cap in <see cref="Caps"/> (the index counts only today's caps).</summary>
    [Id(13)] public Dictionary<string, long> CapDays { get; set; } = [];

    /// <summary>The UTC day number the index was last evaluated for (unlisted coins are pruned when it moves on).</summary>
    [Id(14)] public long AltseasonDay { get; set; }

    /// <summary>Source of each supplied or computed series (computed ones take the source of the last coin tick).</summary>
    [Id(15)] public Dictionary<string, string> SeriesSources { get; set; } = [];

    /// <summary>Source of the last coin tick: the computed composites and the Altcoin Season Index carry it.</summary>
    [Id(16)] public string? CoinSource { get; set; }

    /// <summary>Ingest-log value (<see cref="Durability.LogPosition"/>) of the last call this state includes; 0 outside the ingest log.</summary>
    [Id(17)] public long LogPosition { get; set; }
}

/// <summary>The in-progress bar of a composite or dominance series: bar index and latest value (USD or percent) at <see cref="TimeMs"/>.</summary>
[GenerateSerializer]
public sealed class SeriesBar
{
    [Id(0)] public long BarIndex { get; set; }

    [Id(1)] public double Value { get; set; }

    [Id(2)] public long TimeMs { get; set; }
}
