using AltseasonLive.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AltseasonLive.Api.Health;

/// <summary>Ready when the node's SQLite grain-state file opens and answers a query.</summary>
public sealed class SqliteHealthCheck(string sqlitePath) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(SqliteGrainStorage.ConnectionStringFor(sqlitePath));
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("sqlite opens", new Dictionary<string, object> { ["path"] = Path.GetFullPath(sqlitePath) });
        }
        catch (SqliteException e)
        {
            return HealthCheckResult.Unhealthy("sqlite does not open", e);
        }
    }
}
