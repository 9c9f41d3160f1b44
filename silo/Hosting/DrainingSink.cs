using AltseasonLive.Feeds;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Silo.Hosting;

/// <summary>Publishes to an inner sink, then runs a drain step (e.g. reading new events) after every batch; totals the accepted and rejected ticks.</summary>
public sealed class DrainingSink(ITickSink inner, Func<CancellationToken, Task> drain) : ITickSink
{
    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        var result = await inner.PublishAsync(batch, cancellationToken).ConfigureAwait(false);
        Accepted += result.Accepted;
        Rejected += result.Rejected;
        await drain(cancellationToken).ConfigureAwait(false);
        return result;
    }

    public Task DrainAsync(CancellationToken cancellationToken) => drain(cancellationToken);
}
