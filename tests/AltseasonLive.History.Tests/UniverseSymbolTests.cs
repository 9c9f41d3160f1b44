using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.History.Coins;
using AltseasonLive.Statistics.Altseason;

namespace AltseasonLive.History.Tests;

/// <summary>The bundled panel and the default universe share one symbol space in which no two instruments collide.</summary>
public sealed class UniverseSymbolTests
{
    private static readonly CoinPanel Panel = new BundledHistory().Coins;

    [Fact]
    public void Every_ordinary_coin_of_the_panel_is_a_coin_of_the_default_universe_listed_or_unlisted()
    {
        var coins = DefaultUniverse.Assets.Where(a => a.Class == AssetClass.Coin).Select(a => a.Symbol).Concat(DefaultUniverse.Coins).ToHashSet(StringComparer.Ordinal);

        var missing = Panel.Coins.Where(c => c.Class == CoinClass.Coin && !coins.Contains(c.Symbol)).Select(c => c.Symbol).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void No_panel_coin_takes_the_symbol_of_an_index_composite_or_dominance_and_spx_is_only_the_sp500()
    {
        var nonCoins = DefaultUniverse.Assets.Where(a => a.Class is AssetClass.EquityIndex or AssetClass.Composite or AssetClass.Dominance).Select(a => a.Symbol).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Panel.Symbols, nonCoins.Contains);
        Assert.DoesNotContain("SPX", DefaultUniverse.Coins);
        var spx = Assert.Single(DefaultUniverse.Assets, a => a.Symbol == "SPX");
        Assert.Equal((AssetClass.EquityIndex, "S&P 500"), (spx.Class, spx.Name));
    }

    [Fact]
    public void Every_panel_symbol_is_classified_as_the_index_classifies_it()
    {
        Assert.All(Panel.Coins, c => Assert.Equal(CoinKindClassifier.Classify(c.Symbol) == CoinKind.Coin, c.Class == CoinClass.Coin));
    }

    [Theory]
    [InlineData("spx", "spx6900", "SPX6900")]
    [InlineData("ada", "cardano", "ADA")]
    [InlineData("ada", null, "ADA")]
    public void A_coin_takes_its_product_symbol_from_its_coingecko_id_where_its_ticker_is_taken(string ticker, string? id, string expected)
    {
        Assert.Equal(expected, CoinSymbols.Of(ticker, id));
    }

    [Fact]
    public void A_coin_whose_ticker_is_an_index_symbol_and_whose_id_is_not_mapped_stops_the_load()
    {
        Assert.Throws<InvalidDataException>(() => CoinSymbols.Of("spx", "some-other-spx"));
        Assert.Throws<InvalidDataException>(() => CoinSymbols.Of("total3", null));
    }
}
