using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Durability;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Durability;

/// <summary>One entry of the ingest log: its position (1, 2, ...), when the node received it (UTC epoch ms), its publisher chunk if any, its ticks.</summary>
[GenerateSerializer, Immutable]
public sealed record LoggedBatch(
    [property: Id(0)] long Position,
    [property: Id(1)] long ReceivedMs,
    [property: Id(2)] PublisherChunk? Chunk,
    [property: Id(3)] ImmutableArray<Tick> Ticks);
