using System.ComponentModel.DataAnnotations;
using AltseasonLive.Feeds.Live.Polling;

namespace AltseasonLive.Feeds.Live.Yahoo;

/// <summary>
/// Configuration section <c>Feeds:Live:Yahoo</c>: the Yahoo Finance chart endpoint (<c>/v8/finance/chart/{ticker}</c>),
/// polled every <see cref="PollingOptions.PollInterval"/> during US market hours (09:30–16:00 New York, weekdays) and every
/// <see cref="OffHoursInterval"/> outside them, with a browser User-Agent. Values are delayed (see README).
/// <see cref="Tickers"/> maps a Yahoo ticker to the product's symbol (<c>^GSPC</c> is the S&amp;P 500, <c>SPX</c> here).
/// </summary>
public sealed class YahooOptions : PollingOptions
{
    public const string Section = "Feeds:Live:Yahoo";

    public YahooOptions()
    {
        PollInterval = TimeSpan.FromSeconds(60);
        StaleAfter = TimeSpan.FromMinutes(5);
    }

    [Required]
    public Uri Url { get; set; } = new("https://query1.finance.yahoo.com/");

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan OffHoursInterval { get; set; } = TimeSpan.FromMinutes(15);

    [Required]
    public string UserAgent { get; set; } = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    /// <summary>Yahoo ticker → product symbol. Empty: <see cref="DefaultTickers"/>.</summary>
    public Dictionary<string, string> Tickers { get; set; } = [];

    public static IReadOnlyDictionary<string, string> DefaultTickers { get; } = new Dictionary<string, string>
    {
        ["^RUT"] = "RUT",
        ["^GSPC"] = "SPX",
    };

    public IReadOnlyDictionary<string, string> EffectiveTickers => Tickers.Count > 0 ? Tickers : DefaultTickers;
}
