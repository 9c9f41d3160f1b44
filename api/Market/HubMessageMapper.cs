using System.Collections.Immutable;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Push;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;

namespace AltseasonLive.Api.Market;

/// <summary>Turns grain messages into hub messages: events keep their sequence, series values get their topic.</summary>
public static class HubMessageMapper
{
    public static HubEvent ToHub(MarketEvent e) => new(e.Sequence, e.TimeMs, e.Kind.ToString(), e.Describe(), e, e.Simulated);

    public static ImmutableArray<HubEvent> ToHub(ImmutableArray<MarketEvent> events) =>
        events.IsDefaultOrEmpty ? [] : events.Select(ToHub).ToImmutableArray();

    /// <summary>
    /// Price and Total values go to <c>asset:SYMBOL</c>, correlations to <c>pair:KEY</c>, dominance to <c>dominance</c>
    /// and the Altcoin Season Index to <c>altseason</c>.
    /// </summary>
    public static SeriesMessage ToHub(SeriesUpdate u)
    {
        var topic = u.Kind switch
        {
            SeriesKind.Price or SeriesKind.Total => MarketTopic.AssetPrefix + u.Key,
            SeriesKind.Correlation => MarketTopic.PairPrefix + u.Key,
            SeriesKind.Dominance => MarketTopic.DominanceName,
            _ => MarketTopic.AltseasonName,
        };
        return new SeriesMessage(topic, u.Kind.ToString(), u.Key, u.TimeMs, u.Value, u.BarClosed, u.Source);
    }

    public static HubEventPage ToHub(Grains.Interfaces.Events.EventPage page) =>
        new(ToHub(page.Events), page.LastSequence, page.OldestRetainedSequence, page.Truncated);
}
