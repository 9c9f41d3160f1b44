using AltseasonLive.History.Coins;

namespace AltseasonLive.History.Tests;

public sealed class BundledHistoryTests
{
    private readonly BundledHistory _history = new();

    [Fact]
    public void Resources_are_embedded_and_exclude_the_non_commercial_file()
    {
        Assert.Contains("russell2000/RUT_daily.csv", BundledHistory.ResourcePaths);
        Assert.Contains("tradingview/TOTAL3_daily.csv", BundledHistory.ResourcePaths);
        Assert.DoesNotContain(BundledHistory.ResourcePaths, p => p.Contains("coinmetrics", StringComparison.OrdinalIgnoreCase));
        Assert.Throws<FileNotFoundException>(() => BundledHistory.OpenResource("nope.csv"));
    }

    [Theory]
    [InlineData("RUT", "1987-09-10", "2026-02-23")]
    [InlineData("TOTAL3", "2017-07-14", "2026-04-19")]
    [InlineData("BTC.D", "2017-07-14", "2026-04-19")]
    [InlineData("ETH.D", "2017-07-14", "2026-04-19")]
    [InlineData("TOTAL", "2017-07-14", "2026-04-19")]
    [InlineData("USDT.D", "2018-01-01", "2026-04-16")]
    [InlineData("BTC", "2017-01-01", "2026-03-30")]
    public void Series_cover_the_advertised_ranges(string symbol, string first, string last)
    {
        var series = _history.Series(symbol);
        Assert.Equal(DateOnly.Parse(first), series.FirstDate);
        Assert.Equal(DateOnly.Parse(last), series.LastDate);
    }

    [Fact]
    public void Derived_total_and_usdt_dominance_are_sane_on_a_known_day()
    {
        var day = new DateOnly(2024, 3, 1);
        Assert.True(_history.Series("TOTAL3").TryGetClose(day, out var total3));
        Assert.True(_history.Series("BTC.D").TryGetClose(day, out var btcD));
        Assert.True(_history.Series("ETH.D").TryGetClose(day, out var ethD));
        Assert.True(_history.Series("TOTAL").TryGetClose(day, out var total));
        Assert.Equal(total3 / (1 - (btcD + ethD) / 100), total, 6);
        Assert.InRange(total, 2.0e12, 3.0e12);
        Assert.True(_history.Series("TOTAL2").TryGetClose(day, out var total2));
        Assert.Equal(total * (1 - btcD / 100), total2, 3);
        Assert.True(_history.Series("USDT.D").TryGetClose(day, out var usdtD));
        Assert.InRange(usdtD, 3.5, 5.5);
        Assert.True(_history.Series("BTC.MCAP").TryGetClose(day, out var btcCap));
        Assert.InRange(100 * btcCap / total, btcD - 3, btcD + 3);
    }

    [Fact]
    public void Usdt_cap_switches_from_CoinGecko_to_DefiLlama_at_2021()
    {
        var cap = _history.Series("USDT.MCAP");
        var coinGecko = RawCsv.Column(BundledHistory.ReadResourceText("coingecko/usdt_market_cap_daily.csv"), "date", "market_cap");
        var defiLlama = RawCsv.Column(BundledHistory.ReadResourceText("defillama/usdt_market_cap_daily.csv"), "date", "market_cap");
        Assert.True(cap.TryGetClose(new DateOnly(2020, 12, 31), out var dec));
        Assert.Equal(coinGecko[new DateOnly(2020, 12, 31)], dec);
        Assert.True(cap.TryGetClose(new DateOnly(2021, 1, 1), out var jan));
        Assert.Equal(defiLlama[new DateOnly(2021, 1, 1)], jan);
    }

    [Fact]
    public void Unknown_series_names_the_valid_ones()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _history.Series("SPX"));
        Assert.Contains("RUT", ex.Message);
    }

    [Fact]
    public void Coin_panel_classes_stablecoins_and_wrapped_tokens()
    {
        var coins = _history.Coins;
        Assert.True(coins.TryGet("USDT", out var usdt));
        Assert.Equal(CoinClass.Stablecoin, usdt.Class);
        Assert.True(coins.TryGet("STETH", out var steth));
        Assert.Equal(CoinClass.WrappedOrStaked, steth.Class);
        Assert.True(coins.TryGet("SOL", out var sol));
        Assert.Equal(CoinClass.Coin, sol.Class);
        Assert.True(sol.TryGet(new DateOnly(2025, 6, 1), out var day));
        Assert.NotNull(day.MarketCap);
    }
}
