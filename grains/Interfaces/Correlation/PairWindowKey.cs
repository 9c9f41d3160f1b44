using System.Globalization;

namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>
/// Identity of one pair-window grain: anchor leg (A), partner leg (B), window in bars and mode.
/// Its string form, the grain key, is <c>"RUT|TOTAL3|90|Returns"</c>.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct PairWindowKey(
    [property: Id(0)] string Anchor,
    [property: Id(1)] string Partner,
    [property: Id(2)] int Window,
    [property: Id(3)] CorrelationMode Mode)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Anchor}|{Partner}|{Window}|{Mode}");

    /// <summary>Pair without window and mode, e.g. <c>"RUT/TOTAL3"</c>, for messages.</summary>
    public string PairName => $"{Anchor}/{Partner}";

    public static PairWindowKey Parse(string key)
    {
        if (!TryParse(key, out var parsed))
        {
            throw new FormatException($"'{key}' is not a pair-window key like 'RUT|TOTAL3|90|Returns'.");
        }

        return parsed;
    }

    public static bool TryParse(string? key, out PairWindowKey parsed)
    {
        parsed = default;
        var parts = key?.Split('|');
        if (parts is not { Length: 4 }
            || parts[0].Length == 0
            || parts[1].Length == 0
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var window)
            || window < 2
            || !Enum.TryParse<CorrelationMode>(parts[3], ignoreCase: true, out var mode)
            || !Enum.IsDefined(mode))
        {
            return false;
        }

        parsed = new PairWindowKey(parts[0], parts[1], window, mode);
        return true;
    }
}
