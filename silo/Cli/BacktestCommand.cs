using System.CommandLine;
using System.Globalization;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.History;
using AltseasonLive.Silo.Analysis;
using Spectre.Console;

namespace AltseasonLive.Silo.Cli;

/// <summary>
/// <c>backtest</c>: an event study of TOTAL3's forward returns after Russell 2000 all-time-high breakouts, RUT/TOTAL3
/// correlation breakdowns and BTC.D crossing down through 55 and 50, against TOTAL3's unconditional forward return.
/// </summary>
public static class BacktestCommand
{
    public static Command Create(CliContext context)
    {
        var horizons = new Option<int[]>("--horizon") { Description = "Forward horizons in calendar days", DefaultValueFactory = _ => [30, 90, 180], AllowMultipleArgumentsPerToken = true };
        var shortWindow = new Option<int>("--short") { Description = "Breakdown: short correlation window (bars)", DefaultValueFactory = _ => 30 };
        var longWindow = new Option<int>("--long") { Description = "Breakdown: long correlation window (bars) that must hold", DefaultValueFactory = _ => 90 };
        var hold = new Option<double>("--hold") { Description = "Breakdown: the long window must be at or above this correlation (grains' default 0.6)", DefaultValueFactory = _ => 0.6 };
        var output = new Option<string?>("--out") { Description = "Also write the table as CSV" };
        var command = new Command("backtest", "Event study: TOTAL3 forward returns after RUT all-time highs, RUT/TOTAL3 correlation breakdowns and BTC.D crossing down 55/50, against the unconditional forward return")
        {
            horizons, shortWindow, longWindow, hold, output,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var hs = parse.GetValue(horizons) ?? [30, 90, 180];
            if (hs.Length == 0 || hs.Any(h => h < 1))
            {
                throw new CliException("--horizon: give one or more positive day counts, e.g. --horizon 30 90 180.");
            }

            var s = parse.GetValue(shortWindow);
            var l = parse.GetValue(longWindow);
            if (s < 2 || l <= s)
            {
                throw new CliException($"--short {s} / --long {l}: need 2 <= short < long.");
            }

            var rows = Run(context.History, hs, s, l, parse.GetValue(hold));
            context.Out.Write(Table(rows));
            context.Output.WriteLine($"Rows marked 'too few' have fewer than {EventStudyRow.MinimumMeaningfulCount} signals with a forward return: they mean nothing. Forward windows overlap, so signals close together are not independent.");
            if (parse.GetValue(output) is { } path)
            {
                using (var csv = CsvOutput.Open(CliInput.CreateOutput(path)))
                {
                    WriteCsv(csv, rows);
                }

                context.Output.WriteLine($"-> {path}");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Builds the signals on the bundled data (only those inside TOTAL3's range) and runs the study.</summary>
    public static IReadOnlyList<EventStudyRow> Run(BundledHistory history, IReadOnlyList<int> horizons, int shortWindow = 30, int longWindow = 90, double hold = 0.6)
    {
        var total3 = history.Series(HistorySymbols.Total3);
        var rut = history.Series(HistorySymbols.Rut);
        var btcD = history.Series(HistorySymbols.BtcDominance);
        IReadOnlyList<DateOnly> InRange(IReadOnlyList<DateOnly> dates) => dates.Where(d => d >= total3.FirstDate && d <= total3.LastDate).ToArray();
        var signals = new Dictionary<string, IReadOnlyList<DateOnly>>
        {
            ["RUT all-time-high breakout"] = InRange(Signals.AllTimeHighs(rut)),
            [$"RUT/TOTAL3 breakdown ({shortWindow} vs {longWindow}, hold {hold.ToString(CultureInfo.InvariantCulture)})"] =
                InRange(Signals.CorrelationBreakdowns(rut, total3, shortWindow, longWindow, new BreakdownRule(shortWindow, new CorrelationSignalOptions { LongWindowHold = hold }))),
            ["BTC.D crosses down 55"] = InRange(Signals.CrossesDown(btcD, 55)),
            ["BTC.D crosses down 50"] = InRange(Signals.CrossesDown(btcD, 50)),
        };
        return EventStudy.Run(total3, signals, horizons);
    }

    private static Table Table(IReadOnlyList<EventStudyRow> rows)
    {
        var table = new Table().Title("TOTAL3 forward return after each signal vs unconditional");
        foreach (var header in new[] { "signal", "horizon", "signals", "n", "mean", "median", "up %", "uncond. n", "uncond. mean", "uncond. median", "uncond. up %", "excess mean", "note" })
        {
            table.AddColumn(header);
        }

        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Signal), $"{r.Conditional.HorizonDays}d", r.Signals.ToString(CultureInfo.InvariantCulture), r.Conditional.Count.ToString(CultureInfo.InvariantCulture),
                Pct(r.Conditional.Mean), Pct(r.Conditional.Median), Pct(r.Conditional.HitRate),
                r.Unconditional.Count.ToString(CultureInfo.InvariantCulture), Pct(r.Unconditional.Mean), Pct(r.Unconditional.Median), Pct(r.Unconditional.HitRate),
                Pct(r.ExcessMean), r.TooFew ? "too few to mean anything" : string.Empty);
        }

        return table;
    }

    private static void WriteCsv(CsvHelper.CsvWriter csv, IReadOnlyList<EventStudyRow> rows)
    {
        csv.Row("signal", "horizon_days", "signals", "n", "mean", "median", "hit_rate", "uncond_n", "uncond_mean", "uncond_median", "uncond_hit_rate", "excess_mean", "too_few");
        foreach (var r in rows)
        {
            csv.Row(
                r.Signal, Int(r.Conditional.HorizonDays), Int(r.Signals), Int(r.Conditional.Count),
                CliInput.Number(r.Conditional.Mean), CliInput.Number(r.Conditional.Median), CliInput.Number(r.Conditional.HitRate),
                Int(r.Unconditional.Count), CliInput.Number(r.Unconditional.Mean), CliInput.Number(r.Unconditional.Median), CliInput.Number(r.Unconditional.HitRate),
                CliInput.Number(r.ExcessMean), r.TooFew ? "true" : "false");
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
