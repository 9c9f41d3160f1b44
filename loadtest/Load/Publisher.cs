using System.Diagnostics;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One publisher connection: paces its share of the synthetic ticks at its rate, in batches, with at most a fixed
/// number of unacknowledged batches (the transport releases a slot per acknowledgement). Ticks are stamped with the
/// moment their batch is built, once a slot is free, so that queueing in this process is not hidden from the latency.
/// </summary>
public abstract class Publisher : IAsyncDisposable
{
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);

    private readonly TickStream _stream;
    private readonly RatePacer _pacer;
    private readonly int _batch;
    private readonly int _inFlight;

    protected Publisher(TickStream stream, RatePacer pacer, int batch, int inFlight, PublisherCounters counters)
    {
        _stream = stream;
        _pacer = pacer;
        _batch = batch;
        _inFlight = inFlight;
        Counters = counters;
        Window = new SemaphoreSlim(inFlight, inFlight);
    }

    protected PublisherCounters Counters { get; }

    /// <summary>Free batch slots: taken before a send, released when its acknowledgement (or failure) arrives.</summary>
    protected SemaphoreSlim Window { get; }

    public abstract Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Publishes until <paramref name="cancellationToken"/> fires, then waits up to <paramref name="drain"/> for outstanding acknowledgements.</summary>
    public async Task RunAsync(TimeSpan drain, CancellationToken cancellationToken)
    {
        var ticks = new Tick[_batch];
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var lastSend = TimeSpan.Zero;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = _pacer.Wait(clock.Elapsed, sent, _batch, lastSend, Linger);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                var due = _pacer.DueBy(clock.Elapsed) - sent;
                if (due <= 0)
                {
                    continue;
                }

                var count = (int)Math.Min(due, _batch);
                await Window.WaitAsync(cancellationToken);
                _stream.Next(ticks.AsSpan(0, count), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                try
                {
                    await SendAsync(ticks.AsMemory(0, count), cancellationToken);
                }
                catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException)
                {
                    // The connection is gone: this publisher stops and the summary shows the error and the shortfall.
                    Window.Release();
                    Counters.Error();
                    break;
                }

                Counters.Sent(count);
                sent += count;
                lastSend = clock.Elapsed;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over: fall through to the drain.
        }

        using var drainTimeout = new CancellationTokenSource(drain);
        try
        {
            for (var i = 0; i < _inFlight; i++)
            {
                await Window.WaitAsync(drainTimeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Acknowledgements still missing after the drain time are left unacknowledged in the summary.
        }
    }

    /// <summary>Serialises and sends one batch; a slot of <see cref="Window"/> is already taken for it.</summary>
    protected abstract Task SendAsync(ReadOnlyMemory<Tick> ticks, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
