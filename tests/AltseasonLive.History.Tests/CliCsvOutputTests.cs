using AltseasonLive.History.Coins;
using AltseasonLive.Silo.Analysis;
using AltseasonLive.Silo.Cli;
using AltseasonLive.Statistics;

namespace AltseasonLive.History.Tests;

/// <summary>Every CSV the CLI writes reads back with a standard reader: one record per row, as many fields as the header.</summary>
public sealed class CliCsvOutputTests
{
    private static readonly BundledHistory History = new();

    [Fact]
    public void Altseason_csv_over_the_whole_panel_parses_with_one_record_per_day_and_six_fields_each()
    {
        using var temp = new TempFolder();
        var path = temp.File("altseason.csv");
        Assert.Equal(0, CliApp.Run(["altseason", "--out", path], new StringWriter()));

        var rows = StandardCsv.Read(path);
        var dates = History.Coins.Dates();
        Assert.Equal(["date", "altseason_index", "coins_counted", "coins_beat_btc", "coverage", "note"], rows[0]);
        Assert.Equal(dates[^1].DayNumber - dates[0].DayNumber + 1, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        // The insufficient-coverage note holds a comma: it must come back whole, not split into a seventh field.
        Assert.Contains(rows, r => r[5].Contains(", fewer than", StringComparison.Ordinal));
    }

    [Fact]
    public void Correlate_csv_parses_with_one_record_per_pair_bar_and_two_fields_each()
    {
        using var temp = new TempFolder();
        var path = temp.File("corr.csv");
        Assert.Equal(0, CliApp.Run(["correlate", "--a", "RUT", "--b", "TOTAL3", "--window", "90", "--out", path], new StringWriter()));

        var rows = StandardCsv.Read(path);
        var expected = RollingCorrelationSeries.Compute(History.Series("RUT"), History.Series("TOTAL3"), 90, CorrelationMode.Returns);
        Assert.Equal(["date", "correlation"], rows[0]);
        Assert.Equal(expected.Count, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(2, r.Length));
    }

    [Fact]
    public void Backtest_csv_parses_with_one_record_per_signal_and_horizon_and_the_signal_name_whole()
    {
        using var temp = new TempFolder();
        var path = temp.File("backtest.csv");
        Assert.Equal(0, CliApp.Run(["backtest", "--horizon", "30", "90", "--out", path], new StringWriter()));

        var rows = StandardCsv.Read(path);
        Assert.Equal(13, rows[0].Length);
        Assert.Equal(4 * 2, rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(13, r.Length));
        Assert.Contains(rows, r => r[0] == "RUT/TOTAL3 breakdown (30 vs 90, hold 0.6)");
    }

    [Fact]
    public async Task Events_csv_parses_with_one_record_per_event_and_four_fields_each()
    {
        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        var error = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["events", "--from", "2024-01-01", "--to", "2024-03-31", "--out", path], new StringWriter(), error));

        var rows = StandardCsv.Read(path);
        Assert.Equal(["sequence", "time", "kind", "description"], rows[0]);
        Assert.True(rows.Count > 1);
        Assert.Contains($"{rows.Count - 1} events", error.ToString());
        Assert.All(rows, r => Assert.Equal(4, r.Length));
    }
}
