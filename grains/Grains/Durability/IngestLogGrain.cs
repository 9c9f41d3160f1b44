using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Durability;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace AltseasonLive.Grains.Durability;

/// <summary>
/// The cluster's one ingest path (key 0; see <see cref="IIngestLogGrain"/>). A batch is appended to the
/// <see cref="IIngestLog"/>, then applied through the ingest grain with its position in the request context
/// (<see cref="LogPosition"/>), one batch at a time. Every <see cref="IngestLogOptions.CheckpointInterval"/> every grain
/// that keeps state is told to write it (grains in the log write only then), and the log before that point is
/// dropped. At activation (its node was lost), after a batch failed, and when the cluster has lost a node, every such
/// grain is restarted from the checkpoint and the log after it is applied again before the next batch (grains whose
/// state already includes a batch skip it), so the state of the whole cluster ends as if nothing had been lost.
/// </summary>
public sealed partial class IngestLogGrain(
    IIngestLog log,
    UniverseCatalog universe,
    IOptions<IngestLogOptions> options,
    IClusterMembershipService membership,
    ILogger<IngestLogGrain> logger) : Grain, IIngestLogGrain
{
    private readonly Dictionary<string, PublisherChunk> _streams = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unlisted = new(StringComparer.Ordinal);
    private readonly HashSet<SiloAddress> _dead = [];
    private long _applied;
    private long _checkpointed;
    private bool _redrive = true;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.CheckpointInterval;
        this.RegisterGrainTimer(CheckpointAsync, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
        NodeLost();
        await RedriveAsync();
    }

    public async Task<TickBatchResult?> Ingest(ImmutableArray<Tick> ticks, PublisherChunk? chunk, long receivedMs)
    {
        if (NodeLost() || _redrive)
        {
            await RedriveAsync();
        }

        if (chunk is not null && _streams.TryGetValue(chunk.StreamId, out var last) && chunk.IsAtOrBefore(last))
        {
            return null;
        }

        var batch = new LoggedBatch(_applied + 1, receivedMs, chunk, ticks);
        try
        {
            await log.AppendAsync(batch);
        }
        catch
        {
            // The entry may have been written: the redrive reads the log to find out.
            _redrive = true;
            throw;
        }

        Remember(batch);
        return await ApplyAsync(batch);
    }

    public Task<PublisherChunk?> GetStream(string streamId) =>
        Task.FromResult(_streams.TryGetValue(streamId, out var last) ? last : null);

    public async Task<bool> ResetStream(string streamId)
    {
        if (!_streams.Remove(streamId))
        {
            return false;
        }

        await CheckpointAsync(force: true);
        return true;
    }

    private async Task RedriveAsync()
    {
        // Every grain restarts from the checkpoint's cut, so that a grain that survived does not skip the calls that a
        // grain behind it (which lived on the lost node) needs from it.
        foreach (var stage in Stages())
        {
            await Task.WhenAll(stage.Select(grain => grain.Discard()));
        }

        var checkpoint = await log.ReadCheckpointAsync();
        _streams.Clear();
        foreach (var (id, chunk) in checkpoint.Streams)
        {
            _streams[id] = chunk;
        }

        _applied = _checkpointed = checkpoint.Position;
        var replayed = 0;
        await foreach (var batch in log.ReadAfterAsync(checkpoint.Position))
        {
            Remember(batch);
            await ApplyAsync(batch);
            replayed++;
        }

        _redrive = false;
        LogRedriven(checkpoint.Position, replayed, _applied);
    }

    private void Remember(LoggedBatch batch)
    {
        _applied = batch.Position;
        if (batch.Chunk is { } chunk)
        {
            _streams[chunk.StreamId] = chunk;
        }

        foreach (var tick in batch.Ticks)
        {
            if (!universe.IsKnown(tick.Symbol) && _unlisted.Count < 10_000)
            {
                _unlisted.Add(tick.Symbol);
            }
        }
    }

    private async Task<TickBatchResult> ApplyAsync(LoggedBatch batch)
    {
        LogPosition.SetFirstStep(batch.Position);
        try
        {
            return await GrainFactory.GetGrain<ITickIngestGrain>(0).Ingest(batch.Ticks);
        }
        catch
        {
            _redrive = true;
            throw;
        }
        finally
        {
            RequestContext.Remove(LogPosition.ContextKey);
        }
    }

    /// <summary>True when the membership shows a node dead that was not dead at the last look.</summary>
    private bool NodeLost()
    {
        var lost = false;
        foreach (var (silo, member) in membership.CurrentSnapshot.Members)
        {
            if (member.Status == SiloStatus.Dead && _dead.Add(silo))
            {
                lost = true;
            }
        }

        return lost;
    }

    private Task CheckpointAsync() => CheckpointAsync(force: false);

    private async Task CheckpointAsync(bool force)
    {
        if (!force && _applied == _checkpointed)
        {
            return;
        }

        if (NodeLost() || _redrive)
        {
            // A lost node's grains are behind the checkpoint to be written: bring them up to date first.
            await RedriveAsync();
        }

        var position = _applied;
        try
        {
            foreach (var stage in Stages())
            {
                await Task.WhenAll(stage.Select(grain => grain.Flush()));
            }

            await log.SaveCheckpointAsync(new IngestCheckpoint(position, _streams.ToImmutableDictionary(StringComparer.Ordinal)));
            _checkpointed = position;
        }
        catch (Exception e)
        {
            LogCheckpointFailed(e, position);
            if (force)
            {
                throw;
            }
        }
    }

    /// <summary>
    /// The grains that keep state, downstream first (pair windows and series histories, correlation groups, assets, the
    /// market): a checkpoint cut short leaves a written grain only ahead of the grains that feed it, which then send
    /// it again what it skips.
    /// </summary>
    private IEnumerable<IReadOnlyList<ICheckpointedGrain>> Stages()
    {
        var symbols = universe.Assets.Select(a => a.Symbol).Concat(_unlisted).ToList();
        yield return
        [
            .. universe.Info.PairWindows.Select(key => GrainFactory.GetGrain<IPairWindowGrain>(key.ToString())),
            .. symbols.Select(symbol => GrainFactory.GetGrain<ISeriesHistoryGrain>(symbol)),
            GrainFactory.GetGrain<ISeriesHistoryGrain>(SeriesHistoryKeys.AltseasonIndex),
        ];
        yield return [.. universe.Info.PairWindows.Select(k => k.Anchor).Distinct(StringComparer.Ordinal).Select(anchor => GrainFactory.GetGrain<ICorrelationGroupGrain>(anchor))];
        yield return [.. symbols.Select(symbol => GrainFactory.GetGrain<IAssetGrain>(symbol))];
        yield return [GrainFactory.GetGrain<IMarketGrain>(0)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest log: checkpoint at {Checkpoint}, applied {Replayed} logged batches again, now at {Position}")]
    private partial void LogRedriven(long checkpoint, int replayed, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest log: checkpoint at {Position} failed; the log keeps every batch since the last one")]
    private partial void LogCheckpointFailed(Exception exception, long position);
}
