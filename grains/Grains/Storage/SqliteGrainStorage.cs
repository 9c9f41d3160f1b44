using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace AltseasonLive.Grains.Storage;

/// <summary>
/// Grain storage in one embedded SQLite file, so a single machine keeps grain state across restarts without a
/// database server. One row per grain and state name, payload serialised with the Orleans serializer, optimistic
/// concurrency through an ETag (a version counter). Writes are serialised in-process: SQLite has a single writer anyway.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS GrainState (
            GrainId   TEXT    NOT NULL,
            StateName TEXT    NOT NULL,
            Version   INTEGER NOT NULL,
            Payload   BLOB    NOT NULL,
            UpdatedMs INTEGER NOT NULL,
            PRIMARY KEY (GrainId, StateName));
        """;

    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _initialized;

    public SqliteGrainStorage(string connectionString, IGrainStorageSerializer serializer, ILogger<SqliteGrainStorage> logger)
    {
        _connectionString = connectionString;
        _serializer = serializer;
        _logger = logger;
    }

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
        await _gate.WaitAsync();
        try
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Version, Payload FROM GrainState WHERE GrainId = $id AND StateName = $name";
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$name", stateName);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                grainState.RecordExists = false;
                grainState.ETag = null;
                return;
            }

            var version = reader.GetInt64(0);
            var payload = (byte[])reader.GetValue(1);
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
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
            command.CommandText = """
                INSERT INTO GrainState (GrainId, StateName, Version, Payload, UpdatedMs) VALUES ($id, $name, $version, $payload, $now)
                ON CONFLICT (GrainId, StateName) DO UPDATE SET Version = $version, Payload = $payload, UpdatedMs = $now
                """;
            command.Parameters.AddWithValue("$id", grainId.ToString());
            command.Parameters.AddWithValue("$name", stateName);
            command.Parameters.AddWithValue("$version", next);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
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

    public void Dispose() => _gate.Dispose();

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
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + CreateTable;
            await command.ExecuteNonQueryAsync();
            _initialized = true;
            _logger.LogInformation("SQLite grain storage ready at {DataSource}", connection.DataSource);
        }

        return connection;
    }
}
