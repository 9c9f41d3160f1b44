using System.Collections.Immutable;
using AltseasonLive.Feeds;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Silo.Hosting;

/// <summary>The silo's <see cref="ITickSink"/>: one call to the ingest grain (key 0) per batch; counts rejected ticks.</summary>
public sealed class GrainTickSink(IGrainFactory grains, ILogger<GrainTickSink> logger) : ITickSink
{
    private long _accepted;
    private long _rejected;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    public async ValueTask PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        var result = await grains.GetGrain<ITickIngestGrain>(0).Ingest(ImmutableArray.Create(batch.Span)).WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _accepted, result.Accepted);
        Interlocked.Add(ref _rejected, result.Rejected);
        if (result.Rejected > 0 && logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Ingest rejected {Rejected} of {Ticks} ticks, first {Symbol}: {Reason}", result.Rejected, batch.Length, result.Rejections[0].Symbol, result.Rejections[0].Reason);
        }
    }
}
