using System.Collections.Immutable;
using AltseasonLive.Api.Claims;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Tests.Dashboard;

/// <summary>The claims' verdicts follow from the data they are given, and the facts they quote are computed exactly.</summary>
public sealed class ClaimsCalculatorTests
{
    private const long DayMs = 86_400_000;
    private const long Start = ClaimsCalculator.Since2024Ms;

    [Fact]
    public void Long_run_claim_holds_near_075_and_not_at_044_and_is_mixed_when_the_modes_disagree()
    {
        Assert.Equal(ClaimVerdict.Holds, Verdict("long-run-075", Inputs(Window(365, CorrelationMode.Returns, Flat(0.74)), Window(365, CorrelationMode.Levels, Flat(0.78)))));
        Assert.Equal(ClaimVerdict.DoesNotHold, Verdict("long-run-075", Inputs(Window(365, CorrelationMode.Returns, Flat(0.44)), Window(365, CorrelationMode.Levels, Flat(0.44)))));
        Assert.Equal(ClaimVerdict.Mixed, Verdict("long-run-075", Inputs(Window(365, CorrelationMode.Returns, Flat(0.44)), Window(365, CorrelationMode.Levels, Flat(0.76)))));
        Assert.Equal(ClaimVerdict.NotEnoughData, Verdict("long-run-075", Inputs()));
    }

    [Fact]
    public void Short_windows_are_at_the_low_end_only_when_today_is_in_the_lowest_quarter_of_their_history()
    {
        var falling = Series(Enumerable.Range(0, 100).Select(i => 0.9 - i * 0.005));
        var rising = Series(Enumerable.Range(0, 100).Select(i => 0.4 + i * 0.005));
        var longest = Window(365, CorrelationMode.Returns, Flat(0.7));
        Assert.Equal(ClaimVerdict.Holds, Verdict("short-windows-low", Inputs(Window(30, CorrelationMode.Returns, falling), Window(90, CorrelationMode.Returns, falling), longest)));
        Assert.Equal(ClaimVerdict.Mixed, Verdict("short-windows-low", Inputs(Window(30, CorrelationMode.Returns, falling), Window(90, CorrelationMode.Returns, rising), longest)));
    }

    [Fact]
    public void Negative_run_names_its_start_and_the_last_earlier_negative_bar()
    {
        var points = Series([0.3, -0.1, -0.2, 0.1, 0.2, -0.05, -0.3]);
        var run = SeriesFacts.NegativeRun(points);
        Assert.Equal((points[5].TimeMs, (long?)points[2].TimeMs), run);
        Assert.Null(SeriesFacts.NegativeRun(Series([-0.2, 0.1])));
        Assert.Equal((points[1].TimeMs, (long?)null), SeriesFacts.NegativeRun(Series([0.3, -0.1, -0.2])));

        var claim = Claim("negative-since-2016", Inputs(Window(90, CorrelationMode.Levels, points)));
        Assert.Equal(ClaimVerdict.DoesNotHold, claim.Verdict);
        Assert.Contains("2024-01-03", claim.Finding);
    }

    [Fact]
    public void Return_correlation_is_one_for_proportional_returns_and_minus_one_for_opposite_ones()
    {
        var random = new Random(7);
        var steps = Enumerable.Range(0, 60).Select(_ => (random.NextDouble() - 0.5) * 0.04).ToArray();
        var a = Path(100, steps);
        Assert.Equal(1.0, SeriesFacts.ReturnCorrelation(a, Path(1e9, steps.Select(s => 2 * s)), Start)!.Value.Correlation, 9);
        Assert.Equal(-1.0, SeriesFacts.ReturnCorrelation(a, Path(1e9, steps.Select(s => -s)), Start)!.Value.Correlation, 9);
        Assert.Equal(60, SeriesFacts.ReturnCorrelation(a, a, Start)!.Value.Returns);
    }

    [Fact]
    public void Usdt_rejection_holds_when_the_last_touch_of_647_turned_back_and_not_when_it_broke_above()
    {
        var rejected = Series([5.0, 5.8, 6.4, 6.45, 6.2, 5.7, 5.5]);
        var broke = Series([5.0, 5.8, 6.4, 6.45, 6.7, 6.9]);
        Assert.Equal(ClaimVerdict.Holds, Verdict("usdt-rejection-647", WithSeries(("USDT.D", rejected))));
        Assert.Equal(ClaimVerdict.DoesNotHold, Verdict("usdt-rejection-647", WithSeries(("USDT.D", broke))));
    }

    [Fact]
    public void Outperformance_streak_cannot_be_checked_without_the_sp500_and_counts_sessions_with_it()
    {
        Assert.Equal(ClaimVerdict.CannotCheck, Verdict("rut-spx-streak", WithSeries(("RUT", Series([1, 2, 3])))));
        var rut = Series(Enumerable.Range(0, 12).Select(i => 100.0 * Math.Pow(1.02, i)));
        var spx = Series(Enumerable.Range(0, 12).Select(i => 100.0 * Math.Pow(1.01, i)));
        var claim = Claim("rut-spx-streak", WithSeries(("RUT", rut), ("SPX", spx)));
        Assert.Equal(ClaimVerdict.Holds, claim.Verdict);
        Assert.Equal(11, claim.Numbers[0].Value);
    }

    [Fact]
    public void Every_claim_is_reported_even_with_no_data()
    {
        var claims = ClaimsCalculator.Compute(Inputs());
        Assert.Equal(8, claims.Length);
        Assert.Equal(claims.Length, claims.Select(c => c.Id).Distinct().Count());
        Assert.All(claims, c => Assert.False(string.IsNullOrWhiteSpace(c.Finding)));
    }

    private static ClaimVerdict Verdict(string id, ClaimInputs inputs) => Claim(id, inputs).Verdict;

    private static Claim Claim(string id, ClaimInputs inputs) => ClaimsCalculator.Compute(inputs).Single(c => c.Id == id);

    private static ClaimInputs Inputs(params PairWindowSnapshot[] windows) => Inputs(windows, []);

    private static ClaimInputs WithSeries(params (string Symbol, ImmutableArray<HistoryPoint> Points)[] series) => Inputs([], series);

    private static ClaimInputs Inputs(PairWindowSnapshot[] windows, (string Symbol, ImmutableArray<HistoryPoint> Points)[] series) =>
        new([.. windows], series.ToImmutableDictionary(s => s.Symbol, s => s.Points), ImmutableDictionary<string, ImmutableArray<double>>.Empty, 75, 25);

    private static PairWindowSnapshot Window(int window, CorrelationMode mode, ImmutableArray<HistoryPoint> history) =>
        new(new PairWindowKey("RUT", "TOTAL3", window, mode), null, null, null, null, CouplingState.Coupled, history);

    private static ImmutableArray<HistoryPoint> Flat(double value) => Series(Enumerable.Repeat(value, 50));

    private static ImmutableArray<HistoryPoint> Series(IEnumerable<double> values) =>
        [.. values.Select((v, i) => new HistoryPoint(Start + i * DayMs, v))];

    private static ImmutableArray<HistoryPoint> Path(double start, IEnumerable<double> logReturns)
    {
        var price = start;
        var points = new List<double> { price };
        foreach (var r in logReturns)
        {
            price *= Math.Exp(r);
            points.Add(price);
        }

        return Series(points);
    }
}
