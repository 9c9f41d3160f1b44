using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Health;

/// <summary>Ready when the node's SQLite grain-state database (<c>Storage:ConnectionString</c>, else its file) opens and answers a query.</summary>
public sealed class SqliteHealthCheck(IOptions<StorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        var configured = !string.IsNullOrWhiteSpace(storage.ConnectionString);
        try
        {
            await using var connection = new SqliteConnection(configured ? storage.ConnectionString : SqliteGrainStorage.ConnectionStringFor(storage.SqliteFile));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("sqlite opens", new Dictionary<string, object>
            {
                ["path"] = configured ? connection.DataSource : Path.GetFullPath(storage.SqliteFile),
            });
        }
        catch (SqliteException e)
        {
            return HealthCheckResult.Unhealthy("sqlite does not open", e);
        }
    }
}
