namespace AltseasonLive.Feeds;

/// <summary>
/// The market state a restart resumes from: <see cref="LastTimeMs"/> is the UTC epoch ms of the latest tick held for any
/// feed symbol, <see cref="LastPrices"/> the last price per symbol (USD, index points, percent for dominance series).
/// </summary>
public sealed record FeedCheckpoint(long LastTimeMs, IReadOnlyDictionary<string, double> LastPrices)
{
    private const long DayMs = 86_400_000;
    private static readonly int UnixEpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The UTC day of <see cref="LastTimeMs"/>.</summary>
    public DateOnly Day => DateOnly.FromDayNumber(UnixEpochDayNumber + (int)Math.Floor(LastTimeMs / (double)DayMs));

    /// <summary>
    /// Builds a checkpoint from per-symbol last ticks (time UTC epoch ms, 0 = never ticked); null when no symbol has a
    /// tick. Prices that are missing, non-positive or non-finite are left out.
    /// </summary>
    public static FeedCheckpoint? FromLatest(IEnumerable<(string Symbol, long LastTimeMs, double? LastPrice)> latest)
    {
        long last = 0;
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (symbol, timeMs, price) in latest)
        {
            if (timeMs <= 0)
            {
                continue;
            }

            last = Math.Max(last, timeMs);
            if (price is { } p && p > 0 && double.IsFinite(p))
            {
                prices[symbol] = p;
            }
        }

        return last > 0 ? new FeedCheckpoint(last, prices) : null;
    }
}
