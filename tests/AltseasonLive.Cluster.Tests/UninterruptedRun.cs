using AltseasonLive.Testing;

namespace AltseasonLive.Cluster.Tests;

/// <summary>
/// The reference: one node (the product's default, SQLite on one machine) fed the whole <see cref="Feed"/> without
/// interruption. Computed once for the test class; a cluster run must end in the same state.
/// </summary>
public sealed class UninterruptedRun : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "altseasonlive-cluster-tests", "reference-" + Guid.NewGuid().ToString("N"));

    public MarketState Expected { get; private set; } = new([], default, default);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var node = await ApiProcess.StartAsync(_folder, DurabilityFeed.Settings);
        using var client = node.CreateClient();
        for (var i = 0; i < Feed.Requests.Count; i++)
        {
            await Feed.PublishAsync(client, i);
        }

        Expected = await Feed.ReadAsync(client);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
