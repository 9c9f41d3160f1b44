namespace AltseasonLive.Feeds.Live.Yahoo;

/// <summary>
/// Regular US equity session: weekdays 09:30–16:00 America/New_York (holidays not modelled: a holiday just polls at
/// the market-hours rate and gets an unchanged value).
/// </summary>
public static class UsMarketHours
{
    private static readonly TimeZoneInfo NewYork = FindNewYork();

    public static bool IsOpen(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, NewYork);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        var time = local.TimeOfDay;
        return time >= new TimeSpan(9, 30, 0) && time < new TimeSpan(16, 0, 0);
    }

    private static TimeZoneInfo FindNewYork()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            // No tz database: Eastern Standard Time without daylight saving (the session is then an hour off in summer).
            return TimeZoneInfo.CreateCustomTimeZone("US-Eastern-fixed", TimeSpan.FromHours(-5), "US Eastern (fixed)", "US Eastern (fixed)");
        }
    }
}
