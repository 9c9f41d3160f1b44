using System.Collections.Immutable;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Storage;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// The <see cref="ITickSink"/> of a durable node (ingestion endpoints and built-in feeds alike), in front of the
/// <see cref="GrainTickSink"/>: what it adds is the journal. One batch at a time, each journaled
/// (<see cref="TickJournal"/>) before it is applied, so that the journal order is the apply order.
/// <see cref="CheckpointAsync"/> commits all grain state with the journal position while no batch is in flight;
/// <see cref="RecoverAsync"/> replays the journal after the last checkpoint at start-up, before anything is accepted.
/// A chunk of a publisher stream (<see cref="PublisherStreams"/>) already journaled is acknowledged without being applied
/// again. During the replay the silo's <see cref="IngestClock"/> is pinned to each batch's receive time.
/// </summary>
public sealed partial class DurableTickSink(
    GrainTickSink inner,
    TickJournal journal,
    IStateCheckpoint checkpoint,
    PublisherStreams streams,
    TimeProvider clock,
    IngestClock? replayClock,
    PublisherStreamOptions streamOptions,
    ILogger<DurableTickSink> logger) : ITickSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, StreamPosition> _streams = new(StringComparer.Ordinal);
    private readonly StreamActivity _activity = new(streamOptions);
    private long _applied;
    private long _checkpointed = -1;

    /// <summary>Position of the last journaled and applied batch.</summary>
    public long AppliedPosition => Volatile.Read(ref _applied);

    /// <summary>True once <see cref="RecoverAsync"/> has replayed the journal and batches are accepted.</summary>
    public bool Recovered => _ready.Task.IsCompletedSuccessfully;

    public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        var ticks = ImmutableArray.Create(batch.Span);
        var stream = streams.NextChunk();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (stream is { } chunk && _streams.TryGetValue(chunk.StreamId, out var last) && chunk.CompareTo(last) <= 0)
            {
                streams.MarkDuplicate();
                return new TickBatchResult(0, []);
            }

            var position = journal.Append(clock.GetUtcNow().ToUnixTimeMilliseconds(), stream, ticks);
            if (stream is { } applied)
            {
                _streams[applied.StreamId] = applied;
                _activity.Touch(applied.StreamId, clock.GetUtcNow());
            }

            Volatile.Write(ref _applied, position);

            // Not cancellable: once journaled, the batch is applied completely before another batch or a checkpoint runs.
            return await inner.IngestAsync(ticks, CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The newest journaled chunk of a publisher stream, or null when the stream is unknown.</summary>
    public async Task<StreamPosition?> GetStreamAsync(string streamId, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _streams.TryGetValue(streamId, out var last) ? last : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Null when a request at <paramref name="position"/> may go ahead; else why not: a sequence further than
    /// <see cref="PublisherStreamOptions.MaxSequenceJump"/> from the stream's last, or a new stream beyond its key's
    /// <see cref="PublisherStreamOptions.MaxStreamsPerKey"/> (after forgetting the key's idle ones).
    /// </summary>
    public async Task<string?> AdmitStreamAsync(StreamPosition position, string scope, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _activity.Admit(_streams, position, scope, clock.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a stream (its owner starts it again from any sequence) and checkpoints, so that the reset survives a crash. False when unknown.</summary>
    public async Task<bool> ResetStreamAsync(string streamId, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        bool removed;
        try
        {
            removed = _streams.Remove(streamId);
            _activity.Forget(streamId);
        }
        finally
        {
            _gate.Release();
        }

        if (removed)
        {
            await CheckpointAsync(force: true, cancellationToken);
        }

        return removed;
    }

    /// <summary>Replays the journal after the last checkpoint through the grains, checkpoints, then opens for publishing.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var contents = journal.Open();
        var committed = await checkpoint.ReadPositionAsync(cancellationToken);
        var replayed = 0;
        foreach (var record in contents.Batches)
        {
            if (record.Position <= committed)
            {
                continue;
            }

            replayClock?.Pin(record.ReceivedMs);
            try
            {
                await inner.IngestAsync(record.Ticks, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReplayFailed(e, record.Position);
            }
            finally
            {
                replayClock?.Release();
            }

            replayed++;
        }

        foreach (var (id, position) in contents.Streams)
        {
            _streams[id] = position;
            _activity.Touch(id, clock.GetUtcNow());
        }

        _applied = Math.Max(committed, contents.LastPosition);
        LogRecovered(committed, replayed, _applied, journal.Folder);
        await CheckpointAsync(force: true, cancellationToken);
        _ready.TrySetResult();
    }

    /// <summary>
    /// Waits until no batch is in flight, commits every grain state with the journal position, and starts a new journal
    /// segment (older ones are deleted). Skipped when nothing was journaled since the last one, unless forced.
    /// </summary>
    public async Task CheckpointAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!force && _applied == _checkpointed)
            {
                return;
            }

            var started = clock.GetTimestamp();
            _activity.ExpireIdle(_streams, clock.GetUtcNow());
            var rows = await checkpoint.CommitAsync(_applied, CancellationToken.None);
            journal.StartSegment(_applied, [.. _streams.Values]);
            _checkpointed = _applied;
            LogCheckpoint(_applied, rows, clock.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered: checkpoint at journal position {Committed}, replayed {Replayed} journaled batches, now at {Position} ({Folder})")]
    private partial void LogRecovered(long committed, int replayed, long position, string folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpoint at journal position {Position}: {Rows} grain states written in {ElapsedMs:F1} ms (ingestion paused)")]
    private partial void LogCheckpoint(long position, int rows, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replaying journal record {Position} failed")]
    private partial void LogReplayFailed(Exception exception, long position);
}
