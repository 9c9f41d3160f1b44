using System.ComponentModel.DataAnnotations;
using AltseasonLive.Feeds.Live.Connection;

namespace AltseasonLive.Feeds.Live.Binance;

/// <summary>
/// Configuration section <c>Feeds:Live:Binance</c>: Binance spot market streams (<c>&lt;symbol&gt;@kline_1m</c> on one
/// combined stream) and REST klines for gaps and the daily backfill. <see cref="Symbols"/> maps a Binance symbol to the
/// product's symbol (by provider id, never by bare ticker).
/// </summary>
public sealed class BinanceOptions : StreamConnectionOptions
{
    public const string Section = "Feeds:Live:Binance";

    [Required]
    public Uri WebSocketUrl { get; set; } = new("wss://stream.binance.com:9443/stream");

    [Required]
    public Uri RestUrl { get; set; } = new("https://api.binance.com");

    /// <summary>Streams per SUBSCRIBE message (Binance allows 1024 streams per connection).</summary>
    [Range(1, 1024)]
    public int StreamsPerSubscribe { get; set; } = 100;

    /// <summary>Binance spot symbol → product symbol. Empty: <see cref="DefaultSymbols"/>.</summary>
    public Dictionary<string, string> Symbols { get; set; } = [];

    /// <summary>The USDT pairs of the default universe's coins that trade on Binance spot.</summary>
    public static IReadOnlyDictionary<string, string> DefaultSymbols { get; } = new Dictionary<string, string>
    {
        ["BTCUSDT"] = "BTC", ["ETHUSDT"] = "ETH", ["XRPUSDT"] = "XRP", ["BNBUSDT"] = "BNB", ["SOLUSDT"] = "SOL",
        ["TRXUSDT"] = "TRX", ["DOGEUSDT"] = "DOGE", ["ADAUSDT"] = "ADA", ["LINKUSDT"] = "LINK", ["BCHUSDT"] = "BCH",
        ["XLMUSDT"] = "XLM", ["SUIUSDT"] = "SUI", ["ZECUSDT"] = "ZEC", ["AVAXUSDT"] = "AVAX", ["HBARUSDT"] = "HBAR",
        ["LTCUSDT"] = "LTC", ["SHIBUSDT"] = "SHIB", ["TONUSDT"] = "TON", ["DOTUSDT"] = "DOT", ["UNIUSDT"] = "UNI",
        ["TAOUSDT"] = "TAO", ["AAVEUSDT"] = "AAVE",
    };

    public IReadOnlyDictionary<string, string> EffectiveSymbols => Symbols.Count > 0 ? Symbols : DefaultSymbols;
}
