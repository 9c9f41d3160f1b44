namespace AltseasonLive.Grains.Common;

/// <summary>Bar arithmetic on UTC epoch milliseconds: bar index = floor(time / bar size).</summary>
public static class BarClock
{
    public static long IndexOf(long timeMs, long barSizeMs) => timeMs >= 0 ? timeMs / barSizeMs : ((timeMs + 1) / barSizeMs) - 1;

    public static long StartOf(long index, long barSizeMs) => index * barSizeMs;
}
