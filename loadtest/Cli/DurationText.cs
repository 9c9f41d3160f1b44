using System.Globalization;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>
/// Parses durations given on the command line: a number with a unit (<c>90s</c>, <c>30m</c>, <c>1.5h</c>, <c>500ms</c>),
/// a bare number of seconds (<c>1800</c>) or a TimeSpan (<c>00:30:00</c>).
/// </summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var s = (text ?? "").Trim().ToLowerInvariant();
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Contains(':'))
        {
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var (number, toSeconds) = s switch
        {
            _ when s.EndsWith("ms", StringComparison.Ordinal) => (s[..^2], 0.001),
            _ when s.EndsWith('s') => (s[..^1], 1.0),
            _ when s.EndsWith('m') => (s[..^1], 60.0),
            _ when s.EndsWith('h') => (s[..^1], 3600.0),
            _ => (s, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * toSeconds);
        return true;
    }
}
