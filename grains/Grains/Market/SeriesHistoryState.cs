using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Market;

/// <summary>Persisted closes of one market series, oldest first (bar starts UTC epoch ms).</summary>
[GenerateSerializer]
public sealed class SeriesHistoryState
{
    [Id(0)] public List<HistoryPoint> Closes { get; set; } = [];
}
