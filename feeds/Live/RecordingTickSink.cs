using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds.Live;

/// <summary>Passes batches on and keeps a copy of every tick (the backfill uses it to fill its cache).</summary>
public sealed class RecordingTickSink(ITickSink inner) : ITickSink
{
    private readonly List<Tick> _ticks = [];

    public IReadOnlyList<Tick> Ticks => _ticks;

    public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        var result = await inner.PublishAsync(batch, cancellationToken).ConfigureAwait(false);
        _ticks.AddRange(batch.Span);
        return result;
    }
}
