using System.Runtime.CompilerServices;
using AltseasonLive.Grains.Hosting;
using Orleans.Serialization;
using StackExchange.Redis;

namespace AltseasonLive.Grains.Durability;

/// <summary>
/// The ingest log in Redis: batches in a stream (<c>XADD</c> with the batch position as the entry id, so a second writer
/// with a stale position is refused by Redis itself), the checkpoint in a string key; payloads in the Orleans binary
/// serializer. Run Redis with <c>appendonly yes</c>, so the log also survives a Redis restart.
/// </summary>
public sealed class RedisIngestLog(string connectionString, string keyPrefix, Serializer serializer) : IIngestLog, IAsyncDisposable
{
    private const int PageSize = 500;
    private static readonly RedisValue PayloadField = "b";
    private readonly RedisKey _batches = $"{keyPrefix}:batches";
    private readonly RedisKey _checkpoint = $"{keyPrefix}:checkpoint";
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _redis;

    public async Task AppendAsync(LoggedBatch batch)
    {
        var db = await DatabaseAsync();
        await db.StreamAddAsync(_batches, PayloadField, serializer.SerializeToArray(batch), messageId: $"{batch.Position}-0");
    }

    public async IAsyncEnumerable<LoggedBatch> ReadAfterAsync(long position, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync();
        var next = position + 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await db.StreamRangeAsync(_batches, $"{next}-0", "+", PageSize);
            foreach (var entry in page)
            {
                var batch = serializer.Deserialize<LoggedBatch>((byte[])entry[PayloadField]!)
                    ?? throw new InvalidDataException($"Ingest log entry {entry.Id} holds no batch.");
                next = batch.Position + 1;
                yield return batch;
            }

            if (page.Length < PageSize)
            {
                yield break;
            }
        }
    }

    public async Task<IngestCheckpoint> ReadCheckpointAsync()
    {
        var db = await DatabaseAsync();
        var value = await db.StringGetAsync(_checkpoint);
        return value.IsNullOrEmpty ? IngestCheckpoint.Empty
            : serializer.Deserialize<IngestCheckpoint>((byte[])value!) ?? throw new InvalidDataException("The ingest log's checkpoint is empty.");
    }

    public async Task SaveCheckpointAsync(IngestCheckpoint checkpoint)
    {
        var db = await DatabaseAsync();
        await db.StringSetAsync(_checkpoint, serializer.SerializeToArray(checkpoint));
        await db.StreamTrimByMinIdAsync(_batches, $"{checkpoint.Position + 1}-0");
    }

    IAsyncEnumerable<LoggedBatch> IIngestLog.ReadAfterAsync(long position) => ReadAfterAsync(position);

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<IDatabase> DatabaseAsync()
    {
        if (_redis is null)
        {
            await _connecting.WaitAsync();
            try
            {
                _redis ??= await ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Parse(connectionString));
            }
            finally
            {
                _connecting.Release();
            }
        }

        return _redis.GetDatabase();
    }
}
