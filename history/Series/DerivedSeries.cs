namespace AltseasonLive.History.Series;

/// <summary>
/// Series derived from the bundled ones on the dates where all inputs have a value. Formulas follow TradingView's
/// definitions so that the derived series do not mix coin universes (see data/SOURCES.md).
/// </summary>
public static class DerivedSeries
{
    /// <summary>TOTAL (USD) = TOTAL3 / (1 - (BTC.D + ETH.D) / 100); dominance in percent.</summary>
    public static DailySeries Total(DailySeries total3, DailySeries btcDominance, DailySeries ethDominance) =>
        Combine(HistorySymbols.Total, total3, btcDominance, ethDominance, (t3, b, e) => t3 / (1 - (b + e) / 100));

    /// <summary>TOTAL2 (USD) = TOTAL - BTC cap, with BTC cap = TOTAL * BTC.D / 100 (TradingView's own BTC cap).</summary>
    public static DailySeries Total2(DailySeries total, DailySeries btcDominance) =>
        Combine(HistorySymbols.Total2, total, btcDominance, (t, b) => t - t * b / 100);

    /// <summary>USDT.D (percent) = 100 * USDT market cap / TOTAL.</summary>
    public static DailySeries UsdtDominance(DailySeries usdtMarketCap, DailySeries total) =>
        Combine(HistorySymbols.UsdtDominance, usdtMarketCap, total, (u, t) => 100 * u / t);

    /// <summary><paramref name="primary"/> wherever it has a value, <paramref name="fallback"/> on the other dates.</summary>
    public static DailySeries Splice(string name, DailySeries primary, DailySeries fallback)
    {
        var points = primary.Points.ToList();
        points.AddRange(fallback.Points.Where(p => primary.IndexOf(p.Date) < 0));
        return new DailySeries(name, points);
    }

    /// <summary><paramref name="primary"/> up to and including <paramref name="lastPrimaryDate"/>, <paramref name="after"/> from the next day on.</summary>
    public static DailySeries Switch(string name, DailySeries primary, DateOnly lastPrimaryDate, DailySeries after) =>
        new(name, primary.Points.Where(p => p.Date <= lastPrimaryDate).Concat(after.Points.Where(p => p.Date > lastPrimaryDate)));

    private static DailySeries Combine(string name, DailySeries a, DailySeries b, Func<double, double, double> f) =>
        new(name, a.Points.Where(p => b.TryGetClose(p.Date, out _)).Select(p =>
        {
            b.TryGetClose(p.Date, out var vb);
            return new DailyPoint(p.Date, f(p.Close, vb));
        }));

    private static DailySeries Combine(string name, DailySeries a, DailySeries b, DailySeries c, Func<double, double, double, double> f) =>
        new(name, a.Points.Where(p => b.TryGetClose(p.Date, out _) && c.TryGetClose(p.Date, out _)).Select(p =>
        {
            b.TryGetClose(p.Date, out var vb);
            c.TryGetClose(p.Date, out var vc);
            return new DailyPoint(p.Date, f(p.Close, vb, vc));
        }));
}
