using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// The well-formed ticks of a request with, for each, its index in the request; plus the items refused while parsing.
/// <see cref="Error"/> is set when the request as a whole is unreadable (then nothing is published).
/// </summary>
public sealed record ParsedTicks(
    ImmutableArray<Tick> Ticks,
    ImmutableArray<int> SourceIndexes,
    ImmutableArray<IngestRejection> Rejections,
    int ItemCount,
    string? Error,
    bool TooLarge = false)
{
    public static ParsedTicks Failed(string error, bool tooLarge = false) =>
        new([], [], [], 0, error, tooLarge);
}
