using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>
/// The <see cref="ITickSink"/> that calls the ingest grain (<see cref="ITickIngestGrain"/>, key 0), one call per
/// batch. The one adapter every host registers (the api, under its journal when durable; the standalone silo; the
/// event replay).
/// </summary>
public sealed partial class GrainTickSink(IGrainFactory grains, ILogger<GrainTickSink> logger) : ITickSink
{
    public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken) =>
        batch.IsEmpty ? new TickBatchResult(0, []) : await IngestAsync(ImmutableArray.Create(batch.Span), cancellationToken).ConfigureAwait(false);

    /// <summary>The same for a batch that is already immutable, without copying it (the journal's batches).</summary>
    public async Task<TickBatchResult> IngestAsync(ImmutableArray<Tick> ticks, CancellationToken cancellationToken)
    {
        var result = await grains.GetGrain<ITickIngestGrain>(0).Ingest(ticks).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (result.Rejected > 0)
        {
            LogRejected(result.Rejected, ticks.Length, result.Rejections[0].Symbol, result.Rejections[0].Reason);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingest rejected {Rejected} of {Ticks} ticks, first {Symbol}: {Reason}")]
    private partial void LogRejected(int rejected, int ticks, string symbol, TickRejectReason reason);
}
