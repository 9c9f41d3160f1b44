using System.CommandLine;
using System.Globalization;
using AltseasonLive.History.Coins;
using AltseasonLive.Statistics.Altseason;
using Spectre.Console;

namespace AltseasonLive.Silo.Cli;

/// <summary><c>altseason</c>: the daily Altcoin Season Index from the bundled per-coin panel, with coverage columns.</summary>
public static class AltseasonCommand
{
    public static Command Create(CliContext context)
    {
        var top = new Option<int>("--top") { Description = "Coins counted: the top N by market cap that day (stablecoins, wrapped/staked, asset-backed and BTC excluded)", DefaultValueFactory = _ => 50 };
        var lookback = new Option<int>("--lookback") { Description = "Return look-back in calendar days", DefaultValueFactory = _ => 90 };
        var minCoins = new Option<int>("--min-coins") { Description = "Fewer coins with data than this leaves the index empty (coverage insufficient)", DefaultValueFactory = _ => 25 };
        var from = new Option<string?>("--from") { Description = "First date, yyyy-MM-dd (default: first per-coin day)" };
        var to = new Option<string?>("--to") { Description = "Last date, yyyy-MM-dd (default: last per-coin day)" };
        var output = new Option<string>("--out") { Description = "Output CSV: date,altseason_index,coins_counted,coins_beat_btc,coverage,note", DefaultValueFactory = _ => "altseason.csv" };
        var command = new Command("altseason", "Daily Altcoin Season Index (percent of the top coins that beat BTC over the look-back) wherever per-coin coverage allows")
        {
            top, lookback, minCoins, from, to, output,
        };
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var options = new AltseasonIndexParameters(parse.GetValue(top), parse.GetValue(lookback), parse.GetValue(minCoins));
            if (options.TopN < 1 || options.LookbackDays < 1 || options.MinimumCoins < 1)
            {
                throw new CliException("--top, --lookback and --min-coins must be at least 1.");
            }

            var f = CliInput.Date(parse.GetValue(from), "--from");
            var t = CliInput.Date(parse.GetValue(to), "--to");
            CliInput.Range(f, t);
            var days = new List<AltcoinSeasonDay>();
            context.Err.Progress().Start(progress =>
            {
                var panel = context.History.Coins;
                var dates = panel.Dates();
                var first = f ?? dates[0];
                var last = t ?? dates[^1];
                var task = progress.AddTask("Altcoin Season Index", maxValue: Math.Max(1, last.DayNumber - first.DayNumber + 1));
                foreach (var day in AltcoinSeasonIndex.ComputeRange(panel, options, first, last))
                {
                    days.Add(day);
                    task.Increment(1);
                }
            });
            var path = parse.GetValue(output) ?? "altseason.csv";
            using (var csv = CsvOutput.Open(CliInput.CreateOutput(path)))
            {
                csv.Row("date", "altseason_index", "coins_counted", "coins_beat_btc", "coverage", "note");
                foreach (var d in days)
                {
                    csv.Row(
                        d.Date.ToString(CliInput.DateFormat, CultureInfo.InvariantCulture),
                        CliInput.Number(d.Index, "0.##"),
                        d.CoinsCounted.ToString(CultureInfo.InvariantCulture),
                        d.CoinsBeatBtc.ToString(CultureInfo.InvariantCulture),
                        d.Coverage.ToString().ToLowerInvariant(),
                        d.Note);
                }
            }

            var byCoverage = days.GroupBy(d => d.Coverage).ToDictionary(g => g.Key, g => g.Count());
            context.Output.WriteLine(
                $"Altcoin Season Index: {days.Count} days -> {path}; full coverage {byCoverage.GetValueOrDefault(AltseasonCoverage.Full)}, " +
                $"partial {byCoverage.GetValueOrDefault(AltseasonCoverage.Partial)}, insufficient (no value) {byCoverage.GetValueOrDefault(AltseasonCoverage.Insufficient)}");
            return 0;
        }));
        return command;
    }
}
