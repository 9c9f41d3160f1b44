using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Durability;

namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>
/// The bar closes of one market series (key = symbol, e.g. "RUT", "TOTAL3", "BTC.D", or "ASI" for the Altcoin Season
/// Index), bounded to the newest bars, for the dashboard's history charts. Values in the series' unit: USD, percent.
/// </summary>
public interface ISeriesHistoryGrain : IGrainWithStringKey, ICheckpointedGrain
{
    /// <summary>Closed bars (bar start UTC epoch ms, close); a close for a bar already held replaces it.</summary>
    Task Append(ImmutableArray<HistoryPoint> closes);

    /// <summary>The held closes, oldest first.</summary>
    Task<ImmutableArray<HistoryPoint>> Get();
}
