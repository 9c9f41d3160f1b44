using System.Collections.Immutable;

namespace AltseasonLive.Grains.Interfaces.Ticks;

/// <summary>
/// Outcome of one <see cref="ITickIngestGrain.Ingest"/> call: how many ticks were accepted and, by batch index, why
/// each of the others was refused. Ticks not listed in <see cref="Rejections"/> were accepted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TickBatchResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] ImmutableArray<TickRejection> Rejections)
{
    public int Rejected => Rejections.IsDefault ? 0 : Rejections.Length;
}
