using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Feeds.Live.Connection;

/// <summary>Liveness settings every streaming source shares (bound inside its section, e.g. <c>Feeds:Live:Binance</c>).</summary>
public class StreamConnectionOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Idle watchdog: no message for this long drops the connection and reconnects.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>No valid message for this long shows the source as stale.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First reconnect pause; it doubles per failed attempt (with jitter) up to <see cref="ReconnectCap"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectInitial { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectCap { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Renew the connection after this long (ahead of an exchange's own 24-hour cut).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00")]
    public TimeSpan MaxConnectionAge { get; set; } = TimeSpan.FromHours(23);

    /// <summary>Connect timeout of one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Outbound message limit (Binance allows 5 a second); subscribe messages are spaced to respect it.</summary>
    [Range(0.1, 1000)]
    public double MaxOutboundPerSecond { get; set; } = 5;
}
