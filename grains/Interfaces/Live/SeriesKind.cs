namespace AltseasonLive.Grains.Interfaces.Live;

/// <summary>What a <see cref="SeriesUpdate"/> carries, which decides how its key reads.</summary>
public enum SeriesKind
{
    /// <summary>Key = asset symbol, value = last price (USD, percent for dominance series).</summary>
    Price,
    /// <summary>Key = pair-window key ("RUT|TOTAL3|90|Returns"), value = correlation (-1..1) including the in-progress bar.</summary>
    Correlation,
    /// <summary>Key = "TOTAL", "TOTAL2" or "TOTAL3", value = USD.</summary>
    Total,
    /// <summary>Key = "BTC.D", "ETH.D" or "USDT.D", value = percent.</summary>
    Dominance,
    /// <summary>Key = "ASI", value = Altcoin Season Index, percent 0..100.</summary>
    AltseasonIndex,
}
