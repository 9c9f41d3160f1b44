using AltseasonLive.Grains.Interfaces.Events;

namespace AltseasonLive.Grains.Events;

/// <summary>
/// The canonical order of the events of one tick batch: bar time (UTC epoch ms), then kind, then description, then the
/// full record text. It depends only on the events, never on which grain answered first.
/// </summary>
public sealed class EventOrder : IComparer<MarketEvent>
{
    public static readonly EventOrder Instance = new();

    public int Compare(MarketEvent? x, MarketEvent? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = x.TimeMs.CompareTo(y.TimeMs);
        if (order == 0)
        {
            order = x.Kind.CompareTo(y.Kind);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.Describe(), y.Describe());
        }

        return order != 0 ? order : string.CompareOrdinal(x.ToString(), y.ToString());
    }
}
