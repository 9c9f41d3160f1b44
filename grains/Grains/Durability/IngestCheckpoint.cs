using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Durability;

namespace AltseasonLive.Grains.Durability;

/// <summary>
/// A checkpoint of the ingest log: every grain's stored state includes the log up to <see cref="Position"/>, and
/// <see cref="Streams"/> is each publisher stream's newest chunk up to it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IngestCheckpoint(
    [property: Id(0)] long Position,
    [property: Id(1)] ImmutableDictionary<string, PublisherChunk> Streams)
{
    public static IngestCheckpoint Empty { get; } = new(0, ImmutableDictionary<string, PublisherChunk>.Empty);
}
