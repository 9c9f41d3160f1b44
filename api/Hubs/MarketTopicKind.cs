namespace AltseasonLive.Api.Hubs;

/// <summary>What a <see cref="MarketTopic"/> carries.</summary>
public enum MarketTopicKind
{
    Events,
    Dominance,
    Altseason,
    Asset,
    PairWindow,
}
