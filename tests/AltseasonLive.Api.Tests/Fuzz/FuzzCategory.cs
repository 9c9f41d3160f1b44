namespace AltseasonLive.Api.Tests.Fuzz;

/// <summary>Kinds of hostile input the fuzz campaign generates; item kinds ride inside otherwise valid batches, body kinds are whole requests or frames.</summary>
public enum FuzzCategory
{
    NotAnObject,
    WrongType,
    MissingField,
    InvalidSymbol,
    UnknownSymbol,
    NonFinitePrice,
    NonPositivePrice,
    InvalidMarketCapOrSupply,
    DeeplyNestedValue,
    TimeOutOfParserRange,
    TimeFarInFuture,
    StaleOrDuplicateTick,
    MalformedNdjsonLine,
    BrokenJsonBody,
    NotAnArrayBody,
    EmptyBody,
    TooDeepBody,
    TrailingContentBody,
    InvalidUtf8Body,
    OnlyMalformedBody,
    TooManyItemsBody,
    OversizedBody,
    OversizedChunkedBody,
    BrokenWebSocketFrame,
    OversizedWebSocketFrame,
}
