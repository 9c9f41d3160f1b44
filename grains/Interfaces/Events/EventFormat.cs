using System.Globalization;

namespace AltseasonLive.Grains.Interfaces.Events;

/// <summary>Invariant formatting shared by the events' Describe methods.</summary>
internal static class EventFormat
{
    public static string Num(double value, int decimals = 2) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Date(long timeMs) => DateTimeOffset.FromUnixTimeMilliseconds(timeMs).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
