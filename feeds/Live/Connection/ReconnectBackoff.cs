namespace AltseasonLive.Feeds.Live.Connection;

/// <summary>
/// Jittered exponential back-off (CryptoExchange.Net's reconnect policy): attempt n waits a random time between half and
/// all of min(<c>initial</c> × 2^n, <c>cap</c>), so many clients cut at once do not come back at once.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan cap)
{
    /// <summary>The pause before reconnect attempt <paramref name="attempt"/> (0 = first retry).</summary>
    public TimeSpan Delay(int attempt, double unitRandom)
    {
        var exponent = Math.Min(attempt, 30);
        var full = Math.Min(cap.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(full * (0.5 + (0.5 * unitRandom)));
    }
}
