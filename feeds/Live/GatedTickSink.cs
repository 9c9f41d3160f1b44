using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Feeds.Live;

/// <summary>
/// Holds live ticks back until <see cref="Open"/>: the live sources connect while the history replay and the backfill
/// are still publishing older days, and a live tick for today must not reach the grains before them. Ticks before
/// opening are dropped, reported as none accepted (live values are levels: the next tick carries the news).
/// </summary>
public sealed class GatedTickSink(ITickSink inner) : ITickSink
{
    private volatile bool _open;

    public bool IsOpen => _open;

    public void Open() => _open = true;

    public ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken) =>
        _open ? inner.PublishAsync(batch, cancellationToken) : ValueTask.FromResult(new TickBatchResult(0, []));
}
