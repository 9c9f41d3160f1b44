using AltseasonLive.Feeds.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Tests.Fakes;

/// <summary>
/// Builds the live sources as the product registers them (<see cref="LiveFeedsServiceCollectionExtensions.AddLiveSources"/>),
/// with every source disabled and pointed at a closed loopback port unless the test's settings say otherwise: no test
/// depends on the default (public) URLs.
/// </summary>
public static class LiveSourcesHost
{
    public static Dictionary<string, string?> SafeDefaults() => new()
    {
        ["Feeds:Mode"] = "Off",
        ["Feeds:Live:Binance:Enabled"] = "false",
        ["Feeds:Live:Binance:WebSocketUrl"] = "ws://127.0.0.1:9/stream",
        ["Feeds:Live:Binance:RestUrl"] = "http://127.0.0.1:9/",
        ["Feeds:Live:Coinbase:Enabled"] = "false",
        ["Feeds:Live:Coinbase:WebSocketUrl"] = "ws://127.0.0.1:9/",
        ["Feeds:Live:CoinGecko:Enabled"] = "false",
        ["Feeds:Live:CoinGecko:Url"] = "http://127.0.0.1:9/",
        ["Feeds:Live:Yahoo:Enabled"] = "false",
        ["Feeds:Live:Yahoo:Url"] = "http://127.0.0.1:9/",
    };

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var merged = SafeDefaults();
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddLiveSources();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
