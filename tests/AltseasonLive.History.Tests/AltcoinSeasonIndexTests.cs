using AltseasonLive.History.Coins;
using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.History.Tests;

public sealed class AltcoinSeasonIndexTests
{
    private static readonly DateOnly Then = new(2024, 1, 1);
    private static readonly DateOnly Now = Then.AddDays(90);

    private static CoinHistory Coin(string symbol, double priceThen, double priceNow, double cap) =>
        new(symbol, CoinClassifier.Classify(symbol), [new CoinDay(Then, priceThen, cap), new CoinDay(Now, priceNow, cap)]);

    [Fact]
    public void Index_is_the_share_of_the_top_coins_that_beat_btc_excluding_stablecoins_and_wrapped()
    {
        var panel = new CoinPanel(
        [
            Coin("BTC", 100, 120, 1e12),     // +20%
            Coin("AAA", 10, 13, 5e9),        // +30% beats
            Coin("BBB", 10, 11, 4e9),        // +10%
            Coin("CCC", 10, 15, 3e9),        // +50% beats
            Coin("DDD", 10, 9, 2e9),         // -10%
            Coin("EEE", 10, 30, 1e6),        // +200% but outside the top 4
            Coin("USDT", 1, 1.5, 9e10),      // stablecoin: excluded even though it "beat"
            Coin("WBTC", 100, 200, 8e10),    // wrapped: excluded
        ]);

        var day = AltcoinSeasonIndex.Compute(panel, Now, new AltseasonIndexParameters(TopN: 4, LookbackDays: 90, MinimumCoins: 2));

        Assert.Equal(4, day.CoinsCounted);
        Assert.Equal(2, day.CoinsBeatBtc);
        Assert.Equal(50.0, day.Index);
        Assert.Equal(AltseasonCoverage.Full, day.Coverage);
    }

    [Fact]
    public void Too_few_coins_leaves_the_index_empty_and_says_so()
    {
        var panel = new CoinPanel([Coin("BTC", 100, 120, 1e12), Coin("AAA", 10, 13, 5e9)]);

        var day = AltcoinSeasonIndex.Compute(panel, Now, new AltseasonIndexParameters(TopN: 50, LookbackDays: 90, MinimumCoins: 2));

        Assert.Null(day.Index);
        Assert.Equal(AltseasonCoverage.Insufficient, day.Coverage);
        Assert.Contains("insufficient", day.Note);
    }

    [Fact]
    public void Partial_coverage_is_reported_with_its_coin_count()
    {
        var panel = new CoinPanel([Coin("BTC", 100, 120, 1e12), Coin("AAA", 10, 13, 5e9), Coin("BBB", 10, 11, 4e9)]);

        var day = AltcoinSeasonIndex.Compute(panel, Now, new AltseasonIndexParameters(TopN: 50, LookbackDays: 90, MinimumCoins: 2));

        Assert.Equal(50.0, day.Index);
        Assert.Equal(AltseasonCoverage.Partial, day.Coverage);
        Assert.Equal("partial: 2 of 50 coins", day.Note);
    }

    [Fact]
    public void Cli_altseason_writes_coverage_columns_over_the_bundled_panel()
    {
        using var temp = new TempFolder();
        var path = temp.File("asi.csv");
        Assert.Equal(0, Silo.Cli.CliApp.Run(["altseason", "--from", "2021-09-01", "--to", "2021-09-30", "--out", path], new StringWriter()));
        var lines = File.ReadAllLines(path);
        Assert.Equal("date,altseason_index,coins_counted,coins_beat_btc,coverage,note", lines[0]);
        Assert.Equal(30, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^2021-09-\d\d,\d+(\.\d+)?,\d+,\d+,(full|partial),", l));
    }
}
