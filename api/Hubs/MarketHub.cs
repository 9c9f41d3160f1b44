using AltseasonLive.Api.Market;
using AltseasonLive.Api.Push;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Hubs;

/// <summary>
/// Browser push hub at <c>/hubs/market</c>. Read-only: clients only choose what they follow. Every subscription starts
/// with a <c>snapshot</c> message; then <c>series</c> (coalesced per topic) and <c>events</c> (never coalesced) messages
/// follow, written by the connection's <see cref="ClientOutbox"/> (created by <see cref="MarketHubLifetimeManager"/>), never
/// from here.
/// </summary>
public sealed class MarketHub(MarketFanOut fanOut, IMarketQueries queries, IOptions<MarketHubOptions> options) : Hub
{
    /// <summary>
    /// Follows <paramref name="topic"/> (see <see cref="MarketTopic"/>). For <c>events</c>, <paramref name="lastSequence"/>
    /// is the last sequence the client saw: the missed events are replayed, or a <c>resync</c> then a snapshot is sent
    /// when they are out of retention. Returns the canonical topic name.
    /// </summary>
    public async Task<string> Subscribe(string topic, long? lastSequence = null)
    {
        if (!MarketTopic.TryParse(topic, out var parsed))
        {
            throw new HubException($"Unknown topic '{Truncate(topic)}'. Use events, dominance, altseason, asset:SYMBOL or pair:A|B|WINDOW|MODE.");
        }

        var outbox = fanOut.Find(Context.ConnectionId) ?? throw new HubException("Connection is closing.");
        var name = parsed.ToString();
        bool subscribed;
        if (parsed.Kind == MarketTopicKind.Events)
        {
            subscribed = fanOut.SubscribeEvents(outbox, lastSequence);
        }
        else
        {
            var snapshot = await queries.GetSnapshotAsync(parsed, Context.ConnectionAborted)
                ?? throw new HubException($"Topic '{name}' names nothing the market knows.");
            subscribed = fanOut.Subscribe(outbox, snapshot);
        }

        return subscribed
            ? name
            : throw new HubException($"At most {options.Value.MaxSubscriptionsPerConnection} subscriptions per connection.");
    }

    /// <summary>Stops following <paramref name="topic"/>; true when it was followed.</summary>
    public bool Unsubscribe(string topic) =>
        MarketTopic.TryParse(topic, out var parsed)
        && fanOut.Find(Context.ConnectionId) is { } outbox
        && fanOut.Unsubscribe(outbox, parsed.ToString());

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40];
}
