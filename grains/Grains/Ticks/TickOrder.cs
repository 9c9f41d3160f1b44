using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Ticks;

/// <summary>Time-order check for tick batches, so consumers sort only the batches that need it.</summary>
public static class TickOrder
{
    /// <summary>True when no tick is older (UTC epoch ms) than the one before it.</summary>
    public static bool IsByTime(ImmutableArray<Tick> ticks)
    {
        for (var i = 1; i < ticks.Length; i++)
        {
            if (ticks[i].TimeMs < ticks[i - 1].TimeMs)
            {
                return false;
            }
        }

        return true;
    }
}
