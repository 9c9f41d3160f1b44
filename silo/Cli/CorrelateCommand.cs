using System.CommandLine;
using System.Globalization;
using AltseasonLive.Silo.Analysis;

namespace AltseasonLive.Silo.Cli;

/// <summary><c>correlate</c>: rolling correlation of two bundled series, computed by the grains' RollingCorrelation.</summary>
public static class CorrelateCommand
{
    public static Command Create(CliContext context)
    {
        var a = new Option<string>("--a") { Description = "First series", DefaultValueFactory = _ => "RUT" };
        var b = new Option<string>("--b") { Description = "Second series", DefaultValueFactory = _ => "TOTAL3" };
        var window = new Option<int>("--window") { Description = "Window length in pair bars (days both series have a close)", DefaultValueFactory = _ => 90 };
        var mode = new Option<string>("--mode") { Description = "returns (log returns between consecutive pair bars) or levels", DefaultValueFactory = _ => "returns" };
        var from = new Option<string?>("--from") { Description = "First output date, yyyy-MM-dd (the window warms up on earlier data)" };
        var to = new Option<string?>("--to") { Description = "Last output date, yyyy-MM-dd" };
        var output = new Option<string>("--out") { Description = "Output CSV: date,correlation (empty where undefined)", DefaultValueFactory = _ => "correlation.csv" };
        var command = new Command("correlate", "Rolling correlation of two bundled daily series, written as CSV. Symbols: " + string.Join(", ", History.HistorySymbols.All))
        {
            a, b, window, mode, from, to, output,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var symbolA = CliInput.Symbol(parse.GetValue(a) ?? "RUT", "--a");
            var symbolB = CliInput.Symbol(parse.GetValue(b) ?? "TOTAL3", "--b");
            var w = parse.GetValue(window);
            if (w < 2)
            {
                throw new CliException($"--window: {w} is too short; use at least 2 bars.");
            }

            var m = CliInput.Mode(parse.GetValue(mode) ?? "returns");
            var f = CliInput.Date(parse.GetValue(from), "--from");
            var t = CliInput.Date(parse.GetValue(to), "--to");
            CliInput.Range(f, t);
            var points = RollingCorrelationSeries.Compute(context.History.Series(symbolA), context.History.Series(symbolB), w, m, f, t);
            var path = parse.GetValue(output) ?? "correlation.csv";
            using (var csv = CsvOutput.Open(CliInput.CreateOutput(path)))
            {
                csv.Row("date", "correlation");
                foreach (var p in points)
                {
                    csv.Row(p.Date.ToString(CliInput.DateFormat, CultureInfo.InvariantCulture), CliInput.Number(p.Correlation));
                }
            }

            var defined = points.Count(p => p.Correlation is not null);
            context.Output.WriteLine($"{symbolA}/{symbolB} {w}-bar {m} correlation: {points.Count} rows ({defined} defined) -> {path}");
            return 0;
        }));
        return command;
    }
}
