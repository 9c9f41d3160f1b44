using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Level events of one dominance series on bar closes (percent). Per level: which side the series is on (changed only
/// by a close beyond the crossing hysteresis, so hovering at the level does not flap) and whether it has touched the
/// level from its side since; a touch followed by a turn away, without a cross, is a rejection.
/// </summary>
[GenerateSerializer]
public sealed class DominanceLevelTracker
{
    [Id(0)] public List<LevelState> Levels { get; set; } = [];

    public static DominanceLevelTracker For(IEnumerable<double> levels) =>
        new() { Levels = [.. levels.Distinct().Order().Select(l => new LevelState { Level = l })] };

    public void OnClose(string symbol, long timeMs, double value, MarketSignalOptions options, List<MarketEvent> events)
    {
        foreach (var level in Levels)
        {
            if (level.OnClose(symbol, timeMs, value, options) is { } e)
            {
                events.Add(e);
            }
        }
    }
}

/// <summary>State of one level: <see cref="Side"/> +1 above, -1 below, 0 unknown; <see cref="Extreme"/> the touch's furthest close.</summary>
[GenerateSerializer]
public sealed class LevelState
{
    [Id(0)] public double Level { get; set; }

    [Id(1)] public int Side { get; set; }

    [Id(2)] public bool Touched { get; set; }

    [Id(3)] public double Extreme { get; set; }

    public MarketEvent? OnClose(string symbol, long timeMs, double value, MarketSignalOptions options)
    {
        var hysteresis = Level * options.CrossingHysteresis;
        var side = value >= Level + hysteresis ? 1 : value <= Level - hysteresis ? -1 : Side;
        if (Side == 0 || side != Side)
        {
            var crossed = Side != 0 && side != 0;
            Side = side;
            Touched = false;
            return crossed ? new DominanceLevelCrossed(0, timeMs, symbol, Level, value, side > 0) : null;
        }

        var touch = Level * options.TouchTolerance;
        var turn = Level * options.RejectionTurn;
        var distance = Side < 0 ? Level - value : value - Level;
        if (distance <= touch)
        {
            Extreme = Touched ? (Side < 0 ? Math.Max(Extreme, value) : Math.Min(Extreme, value)) : value;
            Touched = true;
            return null;
        }

        if (Touched && distance >= turn)
        {
            Touched = false;
            return new DominanceRejection(0, timeMs, symbol, Level, Extreme, value, FromBelow: Side < 0);
        }

        return null;
    }
}
