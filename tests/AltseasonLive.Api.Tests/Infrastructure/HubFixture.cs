using AltseasonLive.Api.Market;
using AltseasonLive.Api.Push;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>
/// One product instance for the hub tests, with the market read side replaced by <see cref="FakeMarketQueries"/> so
/// tests drive events and series straight into <see cref="MarketFanOut"/>, the seam the grain observer uses.
/// </summary>
public sealed class HubFixture : IAsyncLifetime
{
    public const int Retention = 100;

    private ApiServer? _server;

    public FakeMarketQueries Market { get; } = new(Retention);

    public ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public MarketFanOut FanOut => Server.Services.GetRequiredService<MarketFanOut>();

    public async Task InitializeAsync() =>
        _server = await ApiServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Hub:MaxUpdatesPerSecond"] = "20",
                ["Hub:SendTimeout"] = "00:00:02",
                ["Hub:ClientBufferCapacity"] = "1024",
                ["Hub:MaxSubscriptionsPerConnection"] = "8",
                ["Hub:MaximumReceiveMessageSize"] = "4096",
            },
            services => services.Replace(ServiceDescriptor.Singleton<IMarketQueries>(Market)));

    /// <summary>Logs and pushes <paramref name="count"/> events the way the event log and push notifier do.</summary>
    public long PublishEvents(int count, int padding = 0)
    {
        var events = Market.Append(count, padding);
        FanOut.PublishEvents(events);
        return events[^1].Sequence;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "hub";
}
