using System.ComponentModel.DataAnnotations;
using AltseasonLive.Feeds.Live.Connection;

namespace AltseasonLive.Feeds.Live.Coinbase;

/// <summary>
/// Configuration section <c>Feeds:Live:Coinbase</c>: the Coinbase Advanced Trade market-data WebSocket (<c>ticker</c> and
/// <c>heartbeats</c> channels), the crypto source for regions that block Binance. Off by default (Binance covers the same
/// coins; two price sources for one coin would alternate its label). <see cref="Products"/> maps a Coinbase product id to
/// the product's symbol.
/// </summary>
public sealed class CoinbaseOptions : StreamConnectionOptions
{
    public const string Section = "Feeds:Live:Coinbase";

    public CoinbaseOptions()
    {
        Enabled = false;
        // Heartbeats arrive every second: a few silent seconds mean the connection is gone.
        IdleTimeout = TimeSpan.FromSeconds(10);
    }

    [Required]
    public Uri WebSocketUrl { get; set; } = new("wss://advanced-trade-ws.coinbase.com");

    /// <summary>Coinbase product id → product symbol. Empty: <see cref="DefaultProducts"/>.</summary>
    public Dictionary<string, string> Products { get; set; } = [];

    public static IReadOnlyDictionary<string, string> DefaultProducts { get; } = new Dictionary<string, string>
    {
        ["BTC-USD"] = "BTC", ["ETH-USD"] = "ETH", ["XRP-USD"] = "XRP", ["SOL-USD"] = "SOL", ["DOGE-USD"] = "DOGE",
        ["ADA-USD"] = "ADA", ["LINK-USD"] = "LINK", ["BCH-USD"] = "BCH", ["XLM-USD"] = "XLM", ["AVAX-USD"] = "AVAX",
        ["HBAR-USD"] = "HBAR", ["LTC-USD"] = "LTC", ["SHIB-USD"] = "SHIB", ["DOT-USD"] = "DOT", ["UNI-USD"] = "UNI",
        ["AAVE-USD"] = "AAVE", ["SUI-USD"] = "SUI", ["ZEC-USD"] = "ZEC", ["NEAR-USD"] = "NEAR", ["ETC-USD"] = "ETC",
    };

    public IReadOnlyDictionary<string, string> EffectiveProducts => Products.Count > 0 ? Products : DefaultProducts;
}
