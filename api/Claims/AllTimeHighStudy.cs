using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Claims;

/// <summary>
/// Does a Russell 2000 all-time high precede altcoin season? An episode starts on a close above every earlier close
/// (after at least <see cref="MinPriorBars"/> bars, and <see cref="EpisodeGapDays"/> days after the previous new high).
/// For each episode: whether the Altcoin Season Index reached the altcoin-season threshold within
/// <see cref="HorizonDays"/> days, and TOTAL3's return over the same horizon (a fraction), against the same two
/// quantities over every day that has the full horizon after it (the base rate). Overlapping horizons are not independent.
/// </summary>
public static class AllTimeHighStudy
{
    public const int MinPriorBars = 250;
    public const int EpisodeGapDays = 30;
    public const int HorizonDays = 180;
    private const long DayMs = 86_400_000;

    public sealed record Result(
        int Episodes,
        int Measured,
        double? ShareFollowedBySeason,
        double? BaseShare,
        double? MeanTotal3Return,
        double? BaseMeanTotal3Return,
        long? LastEpisodeMs);

    public static Result Run(ImmutableArray<HistoryPoint> rut, ImmutableArray<HistoryPoint> asi, ImmutableArray<HistoryPoint> total3, double altcoinSeason)
    {
        var episodes = new List<long>();
        var max = double.MinValue;
        long lastHigh = long.MinValue / 2;
        for (var i = 0; i < rut.Length; i++)
        {
            if (rut[i].Value > max)
            {
                if (i >= MinPriorBars && rut[i].TimeMs - lastHigh >= EpisodeGapDays * DayMs)
                {
                    episodes.Add(rut[i].TimeMs);
                }

                if (i >= MinPriorBars)
                {
                    lastHigh = rut[i].TimeMs;
                }

                max = rut[i].Value;
            }
        }

        var end = Math.Min(asi.IsEmpty ? long.MinValue : asi[^1].TimeMs, total3.IsEmpty ? long.MinValue : total3[^1].TimeMs);
        var start = Math.Max(asi.IsEmpty ? long.MaxValue : asi[0].TimeMs, total3.IsEmpty ? long.MaxValue : total3[0].TimeMs);
        var horizon = HorizonDays * DayMs;
        var measured = episodes.Where(t => t >= start && t + horizon <= end).ToList();
        var baseDays = total3.Where(p => p.TimeMs >= start && p.TimeMs + horizon <= end).Select(p => p.TimeMs).ToList();
        return new Result(
            episodes.Count,
            measured.Count,
            Share(measured, asi, altcoinSeason, horizon),
            Share(baseDays, asi, altcoinSeason, horizon),
            MeanReturn(measured, total3, horizon),
            MeanReturn(baseDays, total3, horizon),
            episodes.Count > 0 ? episodes[^1] : null);
    }

    private static double? Share(List<long> starts, ImmutableArray<HistoryPoint> asi, double threshold, long horizon)
    {
        if (starts.Count == 0)
        {
            return null;
        }

        var hits = starts.Count(t => asi.Any(p => p.TimeMs > t && p.TimeMs <= t + horizon && p.Value >= threshold));
        return (double)hits / starts.Count;
    }

    private static double? MeanReturn(List<long> starts, ImmutableArray<HistoryPoint> total3, long horizon)
    {
        var returns = starts
            .Select(t => (From: SeriesFacts.ValueOnOrBefore(total3, t), To: SeriesFacts.ValueOnOrBefore(total3, t + horizon)))
            .Where(r => r.From > 0 && r.To is not null)
            .Select(r => r.To!.Value / r.From!.Value - 1)
            .ToList();
        return returns.Count == 0 ? null : returns.Average();
    }
}
