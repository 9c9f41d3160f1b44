using AltseasonLive.Feeds;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Silo.Hosting;

/// <summary>Publishes to an inner sink, then runs a drain step (e.g. reading new events) after every batch.</summary>
public sealed class DrainingSink(ITickSink inner, Func<CancellationToken, Task> drain) : ITickSink
{
    public async ValueTask PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        await inner.PublishAsync(batch, cancellationToken).ConfigureAwait(false);
        await drain(cancellationToken).ConfigureAwait(false);
    }

    public Task DrainAsync(CancellationToken cancellationToken) => drain(cancellationToken);
}
