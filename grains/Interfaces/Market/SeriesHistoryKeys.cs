namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>Keys of <see cref="ISeriesHistoryGrain"/> that are not asset symbols.</summary>
public static class SeriesHistoryKeys
{
    /// <summary>The Altcoin Season Index (percent 0..100), recorded at each coin bar close.</summary>
    public const string AltseasonIndex = "ASI";
}
