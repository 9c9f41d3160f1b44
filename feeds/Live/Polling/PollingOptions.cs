using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Feeds.Live.Polling;

/// <summary>Settings every polled REST source shares (bound inside its section, e.g. <c>Feeds:Live:CoinGecko</c>).</summary>
public class PollingOptions
{
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>No successful poll for this long shows the source as stale.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>First pause after a failure (or a 429 without Retry-After); doubles with jitter up to <see cref="RetryCap"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryInitial { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
