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
    /// <summary>Well formed and hostile: finite extremes such as 1.7976931348623157e308, 5e-324, 1e-320.</summary>
    ExtremeFinitePrice,
    /// <summary>Well formed and hostile: market caps and supplies near the limits of a double.</summary>
    HugeMarketCapOrSupply,
    /// <summary>Well formed and hostile: a price 1000 times above or below the symbol's current one.</summary>
    SuddenMove,
    /// <summary>Well formed and hostile: a composite outside its class's bounds (dominance above 100 %, TOTAL of 1e17 USD).</summary>
    ImplausibleComposite,
    /// <summary>Well formed and hostile: a dominance that would make the supplied dominances add up to more than 100.</summary>
    InconsistentComposite,
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
