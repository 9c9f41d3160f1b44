namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>The real product (grains included) for ingestion tests, with small request limits so that limits are cheap to hit.</summary>
public sealed class ProductFixture : IAsyncLifetime
{
    public const int MaxItems = 200;
    public const int MaxRequestBytes = 64 * 1024;

    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(new Dictionary<string, string>
        {
            ["Ingestion:MaxItems"] = MaxItems.ToString(),
            ["Ingestion:MaxRequestBytes"] = MaxRequestBytes.ToString(),
            ["Ingestion:GrainBatchSize"] = "3",
        });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProductCollection : ICollectionFixture<ProductFixture>
{
    public const string Name = "product";
}
