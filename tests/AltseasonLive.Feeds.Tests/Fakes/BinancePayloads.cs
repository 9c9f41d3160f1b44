using System.Globalization;

namespace AltseasonLive.Feeds.Tests.Fakes;

/// <summary>Binance spot payloads written from the documented formats (combined-stream kline events, REST klines rows).</summary>
public static class BinancePayloads
{
    public static string Kline(string symbol, long openMs, double close, long eventMs, bool closed = false) =>
        $$$$"""
        {"stream":"{{{{symbol.ToLowerInvariant()}}}}@kline_1m","data":{"e":"kline","E":{{{{eventMs}}}},"s":"{{{{symbol}}}}","k":{"t":{{{{openMs}}}},"T":{{{{openMs + 59_999}}}},"s":"{{{{symbol}}}}","i":"1m","f":100,"L":200,"o":"{{{{N(close)}}}}","c":"{{{{N(close)}}}}","h":"{{{{N(close)}}}}","l":"{{{{N(close)}}}}","v":"10","n":100,"x":{{{{(closed ? "true" : "false")}}}},"q":"1.0","V":"5","Q":"0.5","B":"0"}}}
        """;

    public static string SubscribeAck(int id) => $$"""{"result":null,"id":{{id}}}""";

    public const string ServerShutdown = """{"event":{"e":"serverShutdown","E":1770123456789}}""";

    /// <summary>A REST <c>/api/v3/klines</c> body: one row per (open time, close) with <paramref name="intervalMs"/> bars.</summary>
    public static string KlineRows(long intervalMs, params (long OpenMs, double Close)[] bars) =>
        "[" + string.Join(",", bars.Select(b =>
            $"""[{b.OpenMs},"{N(b.Close)}","{N(b.Close)}","{N(b.Close)}","{N(b.Close)}","10",{b.OpenMs + intervalMs - 1},"1.0",100,"5","0.5","0"]""")) + "]";

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
