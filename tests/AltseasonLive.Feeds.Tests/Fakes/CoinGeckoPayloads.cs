using System.Globalization;

namespace AltseasonLive.Feeds.Tests.Fakes;

/// <summary>CoinGecko payloads written from the documented formats (<c>/coins/markets</c> rows, <c>/global</c>).</summary>
public static class CoinGeckoPayloads
{
    public static string Markets(params (string Id, string Symbol, double Price, double Cap, double Supply)[] coins) =>
        "[" + string.Join(",", coins.Select((c, i) => $$"""
            {"id":"{{c.Id}}","symbol":"{{c.Symbol}}","name":"{{c.Id}}","image":"","current_price":{{N(c.Price)}},"market_cap":{{N(c.Cap)}},"market_cap_rank":{{i + 1}},"fully_diluted_valuation":null,"total_volume":1000,"high_24h":{{N(c.Price)}},"low_24h":{{N(c.Price)}},"price_change_24h":0,"price_change_percentage_24h":0,"market_cap_change_24h":0,"market_cap_change_percentage_24h":0,"circulating_supply":{{N(c.Supply)}},"total_supply":null,"max_supply":null,"ath":1,"ath_change_percentage":0,"ath_date":"2025-01-01T00:00:00.000Z","atl":1,"atl_change_percentage":0,"atl_date":"2015-01-01T00:00:00.000Z","roi":null,"last_updated":"2026-01-01T00:00:00.000Z"}
            """)) + "]";

    public static string Global(double totalUsd, double btc, double eth, double usdt) =>
        "{\"data\":{\"active_cryptocurrencies\":17000,\"markets\":1200,\"total_market_cap\":{\"usd\":" + N(totalUsd)
        + "},\"total_volume\":{\"usd\":1},\"market_cap_percentage\":{\"btc\":" + N(btc) + ",\"eth\":" + N(eth) + ",\"usdt\":" + N(usdt)
        + "},\"market_cap_change_percentage_24h_usd\":0,\"updated_at\":1767225600}}";

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
