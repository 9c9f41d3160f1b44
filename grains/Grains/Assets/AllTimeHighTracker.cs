using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Assets;

/// <summary>
/// Breakout detector on bar closes: a close above the running high is a new all-time high; it is reported only after
/// <c>minBars</c> bars of history and only when armed, i.e. on the first new high after the close has fallen at least
/// <c>rearm</c> (fraction) below the high. A market grinding higher bar after bar reports one breakout, not one per bar.
/// </summary>
[GenerateSerializer]
public sealed class AllTimeHighTracker
{
    [Id(0)] public double? High { get; set; }

    [Id(1)] public long HighTimeMs { get; set; }

    [Id(2)] public bool Armed { get; set; }

    [Id(3)] public int Bars { get; set; }

    public AllTimeHigh? OnClose(string symbol, long barStartMs, double close, int minBars, double rearm)
    {
        Bars++;
        if (High is not { } high)
        {
            High = close;
            HighTimeMs = barStartMs;
            return null;
        }

        if (close > high)
        {
            var breakout = Armed && Bars > minBars;
            var previousTime = HighTimeMs;
            High = close;
            HighTimeMs = barStartMs;
            Armed = false;
            return breakout ? new AllTimeHigh(0, barStartMs, symbol, close, high, previousTime) : null;
        }

        if (close <= high * (1 - rearm))
        {
            Armed = true;
        }

        return null;
    }
}
