using AltseasonLive.Grains.Hosting;
using StackExchange.Redis;

namespace AltseasonLive.Api.Health;

/// <summary>One Redis connection for the readiness probe, opened at the first probe and kept (a connection per probe would churn).</summary>
public sealed class RedisProbe(string connectionString) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Parse(connectionString)));

    /// <summary>The configured endpoint(s), for the probe's detail.</summary>
    public string Endpoint { get; } = string.Join(",", RedisConfiguration.Parse(connectionString).EndPoints.Select(e => e.ToString()));

    public Task<ConnectionMultiplexer> ConnectAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
