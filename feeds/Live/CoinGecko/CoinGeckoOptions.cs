using System.ComponentModel.DataAnnotations;
using AltseasonLive.Feeds.Live.Polling;

namespace AltseasonLive.Feeds.Live.CoinGecko;

/// <summary>
/// Configuration section <c>Feeds:Live:CoinGecko</c>: <c>/coins/markets</c> (top <see cref="Coins"/> by market cap) every
/// <see cref="PollingOptions.PollInterval"/> (60 s), <c>/global</c> as a cross-check, <c>x-cg-demo-api-key</c> when
/// <see cref="ApiKey"/> is set. <see cref="Ids"/> maps a CoinGecko coin id to the product's symbol (by provider id,
/// never by bare ticker).
/// </summary>
public sealed class CoinGeckoOptions : PollingOptions
{
    public const string Section = "Feeds:Live:CoinGecko";

    /// <summary>Base URL of the API, ending in a slash.</summary>
    [Required]
    public Uri Url { get; set; } = new("https://api.coingecko.com/api/v3/");

    /// <summary>A CoinGecko demo API key (optional; sent as <c>x-cg-demo-api-key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Coins per poll (one page of <c>/coins/markets</c>, at most 250).</summary>
    [Range(1, 250)]
    public int Coins { get; set; } = 250;

    /// <summary>TOTAL sums the market caps of this many largest coins, as TradingView's CRYPTOCAP:TOTAL does (125).</summary>
    [Range(1, 250)]
    public int TotalCoins { get; set; } = 125;

    /// <summary>Send TOTAL, TOTAL2, TOTAL3, BTC.D, ETH.D and USDT.D computed from the top coins (otherwise the market grain computes them from the tracked coins).</summary>
    public bool SendComposites { get; set; } = true;

    /// <summary>CoinGecko id → product symbol. Empty: <see cref="DefaultIds"/>.</summary>
    public Dictionary<string, string> Ids { get; set; } = [];

    /// <summary>The default universe's coins by CoinGecko id.</summary>
    public static IReadOnlyDictionary<string, string> DefaultIds { get; } = new Dictionary<string, string>
    {
        ["bitcoin"] = "BTC", ["ethereum"] = "ETH", ["tether"] = "USDT", ["ripple"] = "XRP", ["binancecoin"] = "BNB",
        ["solana"] = "SOL", ["usd-coin"] = "USDC", ["staked-ether"] = "STETH", ["tron"] = "TRX", ["dogecoin"] = "DOGE",
        ["cardano"] = "ADA", ["wrapped-steth"] = "WSTETH", ["wrapped-bitcoin"] = "WBTC", ["hyperliquid"] = "HYPE",
        ["chainlink"] = "LINK", ["wrapped-beacon-eth"] = "WBETH", ["bitcoin-cash"] = "BCH", ["ethena-usde"] = "USDE",
        ["wrapped-eeth"] = "WEETH", ["stellar"] = "XLM", ["leo-token"] = "LEO", ["sui"] = "SUI", ["zcash"] = "ZEC",
        ["avalanche-2"] = "AVAX", ["hedera-hashgraph"] = "HBAR", ["litecoin"] = "LTC", ["monero"] = "XMR",
        ["shiba-inu"] = "SHIB", ["dai"] = "DAI", ["the-open-network"] = "TON", ["crypto-com-chain"] = "CRO",
        ["polkadot"] = "DOT", ["usd1-wlfi"] = "USD1", ["mantle"] = "MNT", ["uniswap"] = "UNI", ["bittensor"] = "TAO",
        ["bitget-token"] = "BGB", ["aave"] = "AAVE", ["world-liberty-financial"] = "WLFI", ["paypal-usd"] = "PYUSD",
        ["okb"] = "OKB", ["near"] = "NEAR", ["ethena"] = "ENA", ["ethereum-classic"] = "ETC", ["pepe"] = "PEPE",
        ["internet-computer"] = "ICP", ["aptos"] = "APT", ["ondo-finance"] = "ONDO", ["aster-2"] = "ASTER",
        ["polygon-ecosystem-token"] = "POL", ["kaspa"] = "KAS", ["algorand"] = "ALGO", ["arbitrum"] = "ARB",
        ["cosmos"] = "ATOM", ["vechain"] = "VET", ["filecoin"] = "FIL", ["render-token"] = "RENDER", ["sky"] = "SKY",
        ["official-trump"] = "TRUMP", ["quant-network"] = "QNT", ["worldcoin-wld"] = "WLD", ["sei-network"] = "SEI",
        ["jupiter-exchange-solana"] = "JUP", ["fetch-ai"] = "FET", ["bonk"] = "BONK", ["injective-protocol"] = "INJ",
        ["celestia"] = "TIA", ["optimism"] = "OP", ["blockstack"] = "STX", ["immutable-x"] = "IMX",
    };

    public IReadOnlyDictionary<string, string> EffectiveIds => Ids.Count > 0 ? Ids : DefaultIds;
}
