using System.Globalization;
using AltseasonLive.Silo.Cli;
using MathNet.Numerics.Statistics;

namespace AltseasonLive.History.Tests;

public sealed class CorrelateCommandTests
{
    private static readonly string RutText = BundledHistory.ReadResourceText("russell2000/RUT_daily.csv");
    private static readonly string Total3Text = BundledHistory.ReadResourceText("tradingview/TOTAL3_daily.csv");

    [Theory]
    [InlineData("returns", 90)]
    [InlineData("levels", 90)]
    [InlineData("returns", 30)]
    [InlineData("levels", 30)]
    public void Cli_correlation_matches_an_independent_Pearson_over_the_raw_CSVs(string mode, int window)
    {
        using var temp = new TempFolder();
        var path = temp.File("corr.csv");
        var output = new StringWriter();
        var exit = CliApp.Run(["correlate", "--a", "RUT", "--b", "TOTAL3", "--window", window.ToString(CultureInfo.InvariantCulture), "--mode", mode, "--out", path], output);
        Assert.Equal(0, exit);

        var cli = RawCsv.Column(File.ReadAllText(path), "date", "correlation");
        var rut = RawCsv.Column(RutText, "date", "close");
        var total3 = RawCsv.Column(Total3Text, "date", "close");
        var both = rut.Keys.Where(total3.ContainsKey).Order().ToArray();

        var checkedDates = 0;
        foreach (var date in new[] { "2018-06-29", "2020-03-16", "2021-11-08", "2022-06-17", "2024-03-28", "2026-02-23" })
        {
            var d = DateOnly.Parse(date, CultureInfo.InvariantCulture);
            var i = Array.IndexOf(both, d);
            Assert.True(i >= window, $"{date} is a pair bar with a full window");
            double[] a, b;
            if (mode == "returns")
            {
                var days = both[(i - window)..(i + 1)];
                a = days.Zip(days.Skip(1), (p, q) => Math.Log(rut[q] / rut[p])).ToArray();
                b = days.Zip(days.Skip(1), (p, q) => Math.Log(total3[q] / total3[p])).ToArray();
            }
            else
            {
                var days = both[(i - window + 1)..(i + 1)];
                a = days.Select(x => rut[x]).ToArray();
                b = days.Select(x => total3[x]).ToArray();
            }

            Assert.Equal(window, a.Length);
            Assert.True(cli.ContainsKey(d), $"CLI has a value on {date}");
            Assert.Equal(Correlation.Pearson(a, b), cli[d], 9);
            checkedDates++;
        }

        Assert.Equal(6, checkedDates);
    }

    [Fact]
    public void Cli_leaves_the_cell_empty_until_the_window_is_full_and_limits_rows_to_the_range()
    {
        using var temp = new TempFolder();
        var path = temp.File("corr.csv");
        Assert.Equal(0, CliApp.Run(["correlate", "--window", "30", "--to", "2017-09-30", "--out", path], new StringWriter()));
        var lines = File.ReadAllLines(path);
        Assert.Equal("date,correlation", lines[0]);
        Assert.Equal("2017-07-14,", lines[1]);
        Assert.All(lines.Skip(1), l => Assert.True(string.CompareOrdinal(l[..10], "2017-09-30") <= 0));
        Assert.Contains(lines.Skip(1), l => l.EndsWith(',') is false);
    }

    [Fact]
    public void Unknown_symbol_lists_the_valid_ones_and_bad_dates_name_the_format()
    {
        var error = new StringWriter();
        Assert.Equal(2, CliApp.Run(["correlate", "--a", "NOPE", "--out", "unused.csv"], new StringWriter(), error));
        Assert.Contains("Valid symbols: RUT, TOTAL3", error.ToString());

        error = new StringWriter();
        Assert.Equal(2, CliApp.Run(["correlate", "--from", "03/01/2021"], new StringWriter(), error));
        Assert.Contains("yyyy-MM-dd", error.ToString());
    }
}
