using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Claims;

/// <summary>
/// Touches of a level from below and what followed: a touch is a close within <see cref="TouchBand"/> (fraction of the
/// level) below it after a close further away; it was rejected when, within <see cref="HorizonBars"/> bars, a close fell
/// <see cref="TurnAway"/> (fraction) below the level before any close above the level by the touch band.
/// </summary>
public static class LevelRejections
{
    public const double TouchBand = 0.02;
    public const double TurnAway = 0.10;
    public const int HorizonBars = 30;

    public readonly record struct Touch(long TimeMs, bool Rejected, bool Broke);

    public static ImmutableArray<Touch> Find(ImmutableArray<HistoryPoint> points, double level)
    {
        var touches = ImmutableArray.CreateBuilder<Touch>();
        var near = level * (1 - TouchBand);
        var above = level * (1 + TouchBand);
        var away = level * (1 - TurnAway);
        var armed = true;
        for (var i = 0; i < points.Length; i++)
        {
            var v = points[i].Value;
            if (v < away)
            {
                armed = true;
            }

            if (!armed || v < near || v > above)
            {
                continue;
            }

            armed = false;
            bool rejected = false, broke = false;
            for (var j = i + 1; j < points.Length && j <= i + HorizonBars; j++)
            {
                if (points[j].Value > above)
                {
                    broke = true;
                    break;
                }

                if (points[j].Value <= away)
                {
                    rejected = true;
                    break;
                }
            }

            touches.Add(new Touch(points[i].TimeMs, rejected, broke));
        }

        return touches.ToImmutable();
    }
}
