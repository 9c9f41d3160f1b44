using System.Diagnostics.CodeAnalysis;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Api.Hubs;

/// <summary>
/// A hub subscription topic. Text forms: <c>events</c>, <c>dominance</c>, <c>altseason</c>, <c>asset:BTC</c> and
/// <c>pair:RUT|TOTAL3|90|Returns</c> (a pair-window grain key).
/// </summary>
public readonly record struct MarketTopic(MarketTopicKind Kind, string Argument)
{
    public const string EventsName = "events";
    public const string DominanceName = "dominance";
    public const string AltseasonName = "altseason";
    public const string AssetPrefix = "asset:";
    public const string PairPrefix = "pair:";

    public static MarketTopic Events => new(MarketTopicKind.Events, "");
    public static MarketTopic Dominance => new(MarketTopicKind.Dominance, "");
    public static MarketTopic Altseason => new(MarketTopicKind.Altseason, "");

    public static MarketTopic Asset(string symbol) => new(MarketTopicKind.Asset, symbol.ToUpperInvariant());

    public static MarketTopic Pair(PairWindowKey key) =>
        new(MarketTopicKind.PairWindow, (key with { Anchor = key.Anchor.ToUpperInvariant(), Partner = key.Partner.ToUpperInvariant() }).ToString());

    public override string ToString() => Kind switch
    {
        MarketTopicKind.Events => EventsName,
        MarketTopicKind.Dominance => DominanceName,
        MarketTopicKind.Altseason => AltseasonName,
        MarketTopicKind.Asset => AssetPrefix + Argument,
        MarketTopicKind.PairWindow => PairPrefix + Argument,
        _ => throw new InvalidOperationException($"Unknown topic kind {Kind}."),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out MarketTopic topic)
    {
        topic = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 96)
        {
            return false;
        }

        switch (text)
        {
            case EventsName:
                topic = Events;
                return true;
            case DominanceName:
                topic = Dominance;
                return true;
            case AltseasonName:
                topic = Altseason;
                return true;
        }

        if (text.StartsWith(AssetPrefix, StringComparison.Ordinal))
        {
            var symbol = text[AssetPrefix.Length..];
            if (!TickSymbol.IsValid(symbol))
            {
                return false;
            }

            topic = Asset(symbol);
            return true;
        }

        if (text.StartsWith(PairPrefix, StringComparison.Ordinal)
            && PairWindowKey.TryParse(text[PairPrefix.Length..], out var key)
            && TickSymbol.IsValid(key.Anchor)
            && TickSymbol.IsValid(key.Partner))
        {
            topic = Pair(key);
            return true;
        }

        return false;
    }
}
