using System.Collections.Immutable;
using System.Globalization;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Claims;

/// <summary>
/// Checks each claim of the market commentary against the product's own data (<see cref="ClaimInputs"/>). Every
/// verdict follows from the numbers by the rule its finding states; nothing is decided in advance.
/// </summary>
public static class ClaimsCalculator
{
    /// <summary>2024-01-01 00:00 UTC: "since early 2024".</summary>
    public const long Since2024Ms = 1_704_067_200_000;

    /// <summary>How far (correlation points) the mean since 2024 may be from 0.75 to count as "near 0.75".</summary>
    public const double NearTolerance = 0.10;

    /// <summary>Below this share of its own history a short window is "at the low end of its usual range".</summary>
    public const double LowEndShare = 0.25;

    public static ImmutableArray<Claim> Compute(ClaimInputs inputs) =>
    [
        LongRunNearSeventyFive(inputs),
        ShortWindowsAtLowEnd(inputs),
        NegativeFirstTimeSince2016(inputs),
        AllTimeHighPrecedesAltseason(inputs),
        BitcoinDominance(inputs),
        TetherRejection(inputs),
        AltseasonIndexLevel(inputs),
        OutperformanceStreak(inputs),
    ];

    private static Claim LongRunNearSeventyFive(ClaimInputs inputs)
    {
        const string quote = "The long-run RUT/TOTAL3 correlation has held near 0.75 since early 2024.";
        var numbers = ImmutableArray.CreateBuilder<ClaimNumber>();
        var holds = new List<bool>();
        var parts = new List<string>();
        long? asOf = null;
        foreach (var mode in new[] { CorrelationMode.Returns, CorrelationMode.Levels })
        {
            if (Longest(inputs, mode) is not { } longest || SeriesFacts.Summary(longest.History, Since2024Ms) is not { } s)
            {
                continue;
            }

            asOf = Max(asOf, longest.History[^1].TimeMs);
            numbers.Add(new($"{longest.Key.Window}-bar {mode} mean since 2024", s.Mean, "corr"));
            numbers.Add(new($"{longest.Key.Window}-bar {mode} range since 2024 (low)", s.Min, "corr"));
            numbers.Add(new($"{longest.Key.Window}-bar {mode} range since 2024 (high)", s.Max, "corr"));
            holds.Add(Math.Abs(s.Mean - 0.75) <= NearTolerance);
            parts.Add($"{longest.Key.Window}-bar {mode}: mean {F(s.Mean)} (from {F(s.Min)} to {F(s.Max)}, {s.Count} bars)");
        }

        if (SeriesFacts.ReturnCorrelation(inputs.SeriesOf("RUT"), inputs.SeriesOf("TOTAL3"), Since2024Ms) is { } r)
        {
            numbers.Add(new("Daily log returns since 2024, one window", r.Correlation, "corr"));
            parts.Add($"all daily log returns since 2024 in one window: {F(r.Correlation)} ({r.Returns} returns)");
        }

        return holds.Count == 0
            ? new("long-run-075", quote, ClaimVerdict.NotEnoughData, "No full long window since 2024 yet.", numbers.ToImmutable(), asOf)
            : new("long-run-075", quote, Combine(holds),
                $"{string.Join("; ", parts)}. Near means within {F(NearTolerance)} of 0.75.", numbers.ToImmutable(), asOf);
    }

    private static Claim ShortWindowsAtLowEnd(ClaimInputs inputs)
    {
        const string quote = "The 30- and 90-day correlations have slipped to the low end of their usual ranges.";
        var numbers = ImmutableArray.CreateBuilder<ClaimNumber>();
        var holds = new List<bool>();
        var parts = new List<string>();
        long? asOf = null;
        foreach (var w in ShortWindows(inputs, CorrelationMode.Returns))
        {
            if (SeriesFacts.PercentileOfLast(w.History) is not { } share)
            {
                continue;
            }

            var last = w.History[^1];
            asOf = Max(asOf, last.TimeMs);
            numbers.Add(new($"{w.Key.Window}-bar now", last.Value, "corr"));
            numbers.Add(new($"{w.Key.Window}-bar usual range low", w.BandLower, "corr"));
            numbers.Add(new($"{w.Key.Window}-bar usual range high", w.BandUpper, "corr"));
            numbers.Add(new($"{w.Key.Window}-bar share of its history below now", share * 100, "%"));
            holds.Add(share <= LowEndShare);
            parts.Add($"{w.Key.Window}-bar {F(last.Value)}, usual range {F(w.BandLower)} to {F(w.BandUpper)}, above {share * 100:F0}% of its history");
        }

        return holds.Count == 0
            ? new("short-windows-low", quote, ClaimVerdict.NotEnoughData, "The short windows have no history yet.", numbers.ToImmutable(), asOf)
            : new("short-windows-low", quote, Combine(holds),
                $"Returns mode: {string.Join("; ", parts)}. The low end is the lowest {LowEndShare * 100:F0}% of the window's own history.",
                numbers.ToImmutable(), asOf);
    }

    private static Claim NegativeFirstTimeSince2016(ClaimInputs inputs)
    {
        const string quote = "The RUT/TOTAL3 correlation has turned negative for the first time since 2016.";
        var numbers = ImmutableArray.CreateBuilder<ClaimNumber>();
        var parts = new List<string>();
        var verdicts = new List<bool>();
        long? asOf = null;
        long? firstBar = null;
        foreach (var mode in new[] { CorrelationMode.Returns, CorrelationMode.Levels })
        {
            foreach (var w in inputs.PairWindows.Where(p => p.Key.Mode == mode && !p.History.IsEmpty).OrderBy(p => p.Key.Window))
            {
                asOf = Max(asOf, w.History[^1].TimeMs);
                firstBar = firstBar is null ? w.History[0].TimeMs : Math.Min(firstBar.Value, w.History[0].TimeMs);
                if (SeriesFacts.NegativeRun(w.History) is not { } run)
                {
                    continue;
                }

                numbers.Add(new($"{w.Key.Window}-bar {mode} negative since", run.RunStartMs, "date"));
                numbers.Add(new($"{w.Key.Window}-bar {mode} previously negative on", run.PreviousNegativeMs, "date"));
                verdicts.Add(run.PreviousNegativeMs is null);
                parts.Add(run.PreviousNegativeMs is { } previous
                    ? $"{w.Key.Window}-bar {mode} negative since {D(run.RunStartMs)}, also negative on {D(previous)}"
                    : $"{w.Key.Window}-bar {mode} negative since {D(run.RunStartMs)}, never before in the history held");
            }
        }

        if (firstBar is null)
        {
            return new("negative-since-2016", quote, ClaimVerdict.NotEnoughData, "No correlation history yet.", numbers.ToImmutable(), asOf);
        }

        numbers.Add(new("History held from", firstBar, "date"));
        var coverage = $"The history held starts {D(firstBar.Value)}, so 2016 itself cannot be seen.";
        if (verdicts.Count == 0)
        {
            return new("negative-since-2016", quote, ClaimVerdict.DoesNotHold,
                $"No RUT/TOTAL3 window is negative now. {coverage}", numbers.ToImmutable(), asOf);
        }

        return new("negative-since-2016", quote, Combine(verdicts), $"{string.Join("; ", parts)}. {coverage}", numbers.ToImmutable(), asOf);
    }

    private static Claim AllTimeHighPrecedesAltseason(ClaimInputs inputs)
    {
        const string quote = "A Russell 2000 all-time high precedes altcoin season.";
        var rut = inputs.SeriesOf("RUT");
        var result = AllTimeHighStudy.Run(rut, inputs.SeriesOf("ASI"), inputs.SeriesOf("TOTAL3"), inputs.AltcoinSeason);
        ImmutableArray<ClaimNumber> numbers =
        [
            new("RUT all-time-high episodes", result.Episodes, "count"),
            new($"Episodes with {AllTimeHighStudy.HorizonDays} days after them", result.Measured, "count"),
            new($"Followed by ASI ≥ {F0(inputs.AltcoinSeason)} within {AllTimeHighStudy.HorizonDays} days", Pct(result.ShareFollowedBySeason), "%"),
            new("Same, any day (base rate)", Pct(result.BaseShare), "%"),
            new($"TOTAL3 mean {AllTimeHighStudy.HorizonDays}-day return after", Pct(result.MeanTotal3Return), "%"),
            new("Same, any day", Pct(result.BaseMeanTotal3Return), "%"),
            new("Last episode", result.LastEpisodeMs, "date"),
        ];
        var asOf = rut.IsEmpty ? (long?)null : rut[^1].TimeMs;
        if (result.Measured < 3 || result.ShareFollowedBySeason is not { } share || result.BaseShare is not { } baseShare)
        {
            return new("rut-ath-altseason", quote, ClaimVerdict.NotEnoughData,
                $"{result.Measured} all-time-high episodes with {AllTimeHighStudy.HorizonDays} days of Altcoin Season Index after them; at least 3 are needed.",
                numbers, asOf);
        }

        var verdict = share >= baseShare + 0.10 ? ClaimVerdict.Holds : share <= baseShare ? ClaimVerdict.DoesNotHold : ClaimVerdict.Mixed;
        return new("rut-ath-altseason", quote, verdict,
            $"{result.Measured} RUT all-time-high episodes: {share * 100:F0}% were followed by altcoin season within {AllTimeHighStudy.HorizonDays} days, " +
            $"against {baseShare * 100:F0}% for any day; TOTAL3 returned {Pct(result.MeanTotal3Return):F1}% on average after them against " +
            $"{Pct(result.BaseMeanTotal3Return):F1}% for any day. Holds when the share beats the base rate by 10 points; overlapping windows are not independent.",
            numbers, asOf);
    }

    private static Claim BitcoinDominance(ClaimInputs inputs)
    {
        const string quote = "Bitcoin dominance is at 59 %; 55 % and 50 % are the thresholds that matter.";
        var btcd = inputs.SeriesOf("BTC.D");
        if (btcd.IsEmpty)
        {
            return new("btc-dominance-59", quote, ClaimVerdict.NotEnoughData, "No BTC.D history yet.", [], null);
        }

        var now = btcd[^1];
        var levels = inputs.DominanceLevels.TryGetValue("BTC.D", out var l) ? l : [];
        var numbers = ImmutableArray.CreateBuilder<ClaimNumber>();
        numbers.Add(new("BTC.D now", now.Value, "%"));
        numbers.Add(new("Last close at or above 59 %", SeriesFacts.LastAtOrAbove(btcd, 59), "date"));
        foreach (var level in new[] { 55.0, 50.0 })
        {
            numbers.Add(new($"Points above {F0(level)} %", now.Value - level, "pt"));
        }

        var configured = levels.Contains(55) && levels.Contains(50) && levels.Contains(59);
        var verdict = Math.Abs(now.Value - 59) <= 0.5 ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
        return new("btc-dominance-59", quote, verdict,
            $"BTC.D closed at {now.Value:F2} % on {D(now.TimeMs)} ({(now.Value - 55):+0.00;-0.00} points from 55 %, {(now.Value - 50):+0.00;-0.00} from 50 %). " +
            $"Holds while within 0.5 points of 59 %. The levels {(configured ? "are" : "are not all")} among the dashboard's configured BTC.D levels.",
            numbers.ToImmutable(), now.TimeMs);
    }

    private static Claim TetherRejection(ClaimInputs inputs)
    {
        const string quote = "Tether dominance (USDT.D) was rejected at 6.47 %.";
        const double level = 6.47;
        var usdtd = inputs.SeriesOf("USDT.D");
        if (usdtd.IsEmpty)
        {
            return new("usdt-rejection-647", quote, ClaimVerdict.NotEnoughData, "No USDT.D history yet.", [], null);
        }

        var touches = LevelRejections.Find(usdtd, level);
        var rejected = touches.Count(t => t.Rejected);
        var broke = touches.Count(t => t.Broke);
        var last = touches.Length > 0 ? touches[^1] : (LevelRejections.Touch?)null;
        ImmutableArray<ClaimNumber> numbers =
        [
            new("USDT.D now", usdtd[^1].Value, "%"),
            new("Highest close held", usdtd.Max(p => p.Value), "%"),
            new("Touches of 6.47 %", touches.Length, "count"),
            new("Rejected", rejected, "count"),
            new("Broken above", broke, "count"),
            new("Last touch", last?.TimeMs, "date"),
        ];
        var verdict = last is null ? ClaimVerdict.DoesNotHold : last.Value.Rejected ? ClaimVerdict.Holds : last.Value.Broke ? ClaimVerdict.DoesNotHold : ClaimVerdict.Mixed;
        var lastText = last is { } t
            ? $"the last on {D(t.TimeMs)} {(t.Rejected ? "was rejected" : t.Broke ? "broke above" : "is still undecided")}"
            : "it never came within reach";
        return new("usdt-rejection-647", quote, verdict,
            $"USDT.D came within {LevelRejections.TouchBand * 100:F0}% below 6.47 % {touches.Length} times; {rejected} turned back {LevelRejections.TurnAway * 100:F0}% " +
            $"within {LevelRejections.HorizonBars} bars, {broke} broke above; {lastText}. Now {usdtd[^1].Value:F2} %.",
            numbers, usdtd[^1].TimeMs);
    }

    private static Claim AltseasonIndexLevel(ClaimInputs inputs)
    {
        var quote = $"The Altcoin Season Index is at 37 (or 45), far from the {F0(inputs.AltcoinSeason)} of altcoin season.";
        var asi = inputs.SeriesOf("ASI");
        if (asi.IsEmpty)
        {
            return new("asi-37-45", quote, ClaimVerdict.NotEnoughData, "No Altcoin Season Index yet (too few coins with 90 days of history).", [], null);
        }

        var now = asi[^1];
        var since = SeriesFacts.Summary(asi, Since2024Ms);
        ImmutableArray<ClaimNumber> numbers =
        [
            new("ASI now", now.Value, "index"),
            new("ASI high since 2024", since?.Max, "index"),
            new($"Last day at or above {F0(inputs.AltcoinSeason)}", SeriesFacts.LastAtOrAbove(asi, inputs.AltcoinSeason), "date"),
        ];
        var inRange = now.Value is >= 30 and <= 50;
        var verdict = inRange && now.Value < inputs.AltcoinSeason ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold;
        return new("asi-37-45", quote, verdict,
            $"The index is {now.Value:F0} on {D(now.TimeMs)} ({inputs.AltcoinSeason - now.Value:F0} points below altcoin season); " +
            $"holds while between 30 and 50.",
            numbers, now.TimeMs);
    }

    private static Claim OutperformanceStreak(ClaimInputs inputs)
    {
        const string quote = "The Russell 2000 has outperformed the S&P 500 for nine sessions in a row.";
        var spx = inputs.SeriesOf("SPX");
        var rut = inputs.SeriesOf("RUT");
        if (spx.IsEmpty)
        {
            return new("rut-spx-streak", quote, ClaimVerdict.CannotCheck,
                "The S&P 500 is not in the bundled data; this needs the live index feed or a publisher of SPX.", [], null);
        }

        var spxByTime = spx.ToDictionary(p => p.TimeMs, p => p.Value);
        var streak = 0;
        var best = 0;
        HistoryPoint? previous = null;
        foreach (var p in rut)
        {
            if (!spxByTime.TryGetValue(p.TimeMs, out var s))
            {
                continue;
            }

            if (previous is { } q && spxByTime.TryGetValue(q.TimeMs, out var sq) && q.Value > 0 && sq > 0)
            {
                streak = p.Value / q.Value > s / sq ? streak + 1 : 0;
                best = Math.Max(best, streak);
            }

            previous = p;
        }

        ImmutableArray<ClaimNumber> numbers = [new("Current streak (sessions)", streak, "count"), new("Longest streak held", best, "count")];
        return new("rut-spx-streak", quote, streak >= 9 ? ClaimVerdict.Holds : ClaimVerdict.DoesNotHold,
            $"RUT beat the S&P 500 on the last {streak} sessions in a row (longest in the history held: {best}).", numbers,
            rut.IsEmpty ? null : rut[^1].TimeMs);
    }

    private static PairWindowSnapshot? Longest(ClaimInputs inputs, CorrelationMode mode) =>
        inputs.PairWindows.Where(p => p.Key.Mode == mode && !p.History.IsEmpty).OrderByDescending(p => p.Key.Window).FirstOrDefault();

    private static IEnumerable<PairWindowSnapshot> ShortWindows(ClaimInputs inputs, CorrelationMode mode)
    {
        var windows = inputs.PairWindows.Where(p => p.Key.Mode == mode && !p.History.IsEmpty).OrderBy(p => p.Key.Window).ToList();
        return windows.Count > 1 ? windows.Take(windows.Count - 1) : [];
    }

    private static ClaimVerdict Combine(List<bool> holds) =>
        holds.All(h => h) ? ClaimVerdict.Holds : holds.Any(h => h) ? ClaimVerdict.Mixed : ClaimVerdict.DoesNotHold;

    private static long? Max(long? a, long b) => a is { } x ? Math.Max(x, b) : b;

    private static double? Pct(double? fraction) => fraction * 100;

    private static string F(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string F0(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string D(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
