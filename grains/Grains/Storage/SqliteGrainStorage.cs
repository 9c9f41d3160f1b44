using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace AltseasonLive.Grains.Storage;

/// <summary>
/// Grain storage in one embedded SQLite file, so a single machine keeps grain state across restarts without a
/// database server. One row per grain and state name, payload serialised with the Orleans serializer. Writes are
/// serialised in-process: SQLite has a single writer anyway.
/// <para>
/// Direct mode writes each <c>WriteStateAsync</c> at once, with optimistic concurrency through an ETag (a version
/// counter). Checkpointed mode (one node only) writes nothing on <c>WriteStateAsync</c>: it keeps a reference to every
/// activation's live state and <see cref="CommitAsync"/> writes all of them in one transaction with the ingest-journal
/// position they include (<see cref="IStateCheckpoint"/>); a reactivated grain reads a deep copy of the newest state.
/// </para>
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IStateCheckpoint, IDisposable
{
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS GrainState (
            GrainId   TEXT    NOT NULL,
            StateName TEXT    NOT NULL,
            Version   INTEGER NOT NULL,
            Payload   BLOB    NOT NULL,
            UpdatedMs INTEGER NOT NULL,
            PRIMARY KEY (GrainId, StateName));
        CREATE TABLE IF NOT EXISTS Checkpoint (
            Id        INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1),
            Position  INTEGER NOT NULL,
            UpdatedMs INTEGER NOT NULL);
        """;

    private const string Upsert = """
        INSERT INTO GrainState (GrainId, StateName, Version, Payload, UpdatedMs) VALUES ($id, $name, $version, $payload, $now)
        ON CONFLICT (GrainId, StateName) DO UPDATE SET Version = $version, Payload = $payload, UpdatedMs = $now
        """;

    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly IGrainContextAccessor? _contexts;
    private readonly ConcurrentDictionary<(string GrainId, string StateName), LiveState>? _live;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _initialized;

    public SqliteGrainStorage(string connectionString, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage> logger)
        : this(connectionString, serializer, logger, checkpointed: false, contexts: null)
    {
    }

    /// <summary>
    /// <paramref name="checkpointed"/> selects checkpointed mode (see the type's remarks); <paramref name="contexts"/>
    /// finds the activating grain, so <see cref="ICheckpointParticipant"/> grains are prepared before a commit.
    /// </summary>
    public SqliteGrainStorage(
        string connectionString,
        IGrainStorageSerializer serializer,
        ILogger<SqliteGrainStorage> logger,
        bool checkpointed,
        IGrainContextAccessor? contexts)
    {
        _connectionString = connectionString;
        _serializer = serializer;
        _logger = logger;
        _contexts = contexts;
        _live = checkpointed ? new() : null;
    }

    /// <summary>True in checkpointed mode.</summary>
    public bool IsCheckpointed => _live is not null;

    /// <summary>Connection string for a file path, creating its folder.</summary>
    public static string ConnectionStringFor(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (grainId.ToString(), stateName);
        if (_live is not null && _live.TryGetValue(key, out var previous) && previous is LiveState<T> newest)
        {
            // A new activation of a grain whose newest state may not be committed yet: continue from a deep copy of it.
            if (!newest.Cleared)
            {
                grainState.State = _serializer.Deserialize<T>(new BinaryData(newest.Serialize(_serializer)));
            }

            grainState.RecordExists = !newest.Cleared;
            grainState.ETag = "live";
            _live[key] = new LiveState<T>(key.Item1, stateName, Participant(), grainState) { Committed = newest.Committed, Cleared = newest.Cleared };
            return;
        }

        byte[]? payload = null;
        await _gate.WaitAsync();
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Version, Payload FROM GrainState WHERE GrainId = $id AND StateName = $name";
            command.Parameters.AddWithValue("$id", key.Item1);
            command.Parameters.AddWithValue("$name", stateName);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                grainState.RecordExists = false;
                grainState.ETag = null;
            }
            else
            {
                var version = reader.GetInt64(0);
                payload = (byte[])reader.GetValue(1);
                grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
                grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
            }
        }
        finally
        {
            _gate.Release();
        }

        if (_live is not null)
        {
            _live[key] = new LiveState<T>(key.Item1, stateName, Participant(), grainState) { Committed = payload };
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_live is not null)
        {
            var key = (grainId.ToString(), stateName);
            var live = _live.GetOrAdd(key, k => new LiveState<T>(k.GrainId, k.StateName, Participant(), grainState));
            live.Cleared = false;
            grainState.RecordExists = true;
            grainState.ETag = "live";
            return;
        }

        var payload = _serializer.Serialize(grainState.State).ToArray();
        await _gate.WaitAsync();
        try
        {
            await using var connection = await OpenAsync();
            var expected = ParseETag(grainState.ETag);
            var current = await ReadVersionAsync(connection, stateName, grainId);
            if (current != expected)
            {
                throw new InconsistentStateException(
                    $"SQLite grain state {stateName} of {grainId} is at version {current?.ToString(CultureInfo.InvariantCulture) ?? "none"}, the grain expected {grainState.ETag ?? "none"}.",
                    current?.ToString(CultureInfo.InvariantCulture) ?? "none",
                    grainState.ETag ?? "none");
            }

            var next = (current ?? 0) + 1;
            await using var command = connection.CreateCommand();
            command.CommandText = Upsert;
            AddRow(command, grainId.ToString(), stateName, next, payload);
            await command.ExecuteNonQueryAsync();
            grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_live is not null)
        {
            var key = (grainId.ToString(), stateName);
            _live.GetOrAdd(key, k => new LiveState<T>(k.GrainId, k.StateName, Participant(), grainState)).Cleared = true;
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        await _gate.WaitAsync();
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM GrainState WHERE GrainId = $id AND StateName = $name";
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$name", stateName);
            await command.ExecuteNonQueryAsync();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<long> ReadPositionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Position FROM Checkpoint WHERE Id = 1";
            return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> CommitAsync(long position, CancellationToken cancellationToken)
    {
        var live = _live ?? throw new InvalidOperationException("The SQLite grain storage is not in checkpointed mode (Storage:Checkpointed).");
        var changes = new List<(LiveState State, byte[]? Payload)>();
        foreach (var state in live.Values)
        {
            if (state.Cleared)
            {
                if (state.Committed is not null)
                {
                    changes.Add((state, null));
                }

                continue;
            }

            state.Prepare();
            var payload = state.Serialize(_serializer);
            if (state.Committed is null || !payload.AsSpan().SequenceEqual(state.Committed))
            {
                changes.Add((state, payload));
            }
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            foreach (var (state, payload) in changes)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                if (payload is null)
                {
                    command.CommandText = "DELETE FROM GrainState WHERE GrainId = $id AND StateName = $name";
                    command.Parameters.AddWithValue("$id", state.GrainId);
                    command.Parameters.AddWithValue("$name", state.StateName);
                }
                else
                {
                    command.CommandText = Upsert;
                    AddRow(command, state.GrainId, state.StateName, 1, payload);
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var checkpoint = connection.CreateCommand())
            {
                checkpoint.Transaction = transaction;
                checkpoint.CommandText = """
                    INSERT INTO Checkpoint (Id, Position, UpdatedMs) VALUES (1, $position, $now)
                    ON CONFLICT (Id) DO UPDATE SET Position = $position, UpdatedMs = $now
                    """;
                checkpoint.Parameters.AddWithValue("$position", position);
                checkpoint.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        foreach (var (state, payload) in changes)
        {
            state.Committed = payload;
        }

        return changes.Count;
    }

    public void Dispose() => _gate.Dispose();

    private ICheckpointParticipant? Participant() => _contexts?.GrainContext?.GrainInstance as ICheckpointParticipant;

    private static void AddRow(SqliteCommand command, string grainId, string stateName, long version, byte[] payload)
    {
        command.Parameters.AddWithValue("$id", grainId);
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    private static long? ParseETag(string? etag) =>
        etag is null ? null : long.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private static async Task<long?> ReadVersionAsync(SqliteConnection connection, string stateName, GrainId grainId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version FROM GrainState WHERE GrainId = $id AND StateName = $name";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        return await command.ExecuteScalarAsync() is long version ? version : null;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        if (!_initialized)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + CreateTables;
            await command.ExecuteNonQueryAsync();
            _initialized = true;
            _logger.LogInformation("SQLite grain storage ready at {DataSource} ({Mode})", connection.DataSource, IsCheckpointed ? "checkpointed" : "direct");
        }

        return connection;
    }
}
