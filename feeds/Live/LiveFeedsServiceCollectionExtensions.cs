using AltseasonLive.Feeds.Live.Binance;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Live;

/// <summary>
/// Registers every live source, each bound to <c>Feeds:Live:&lt;Source&gt;</c> and validated at start (an invalid value
/// stops the start naming its key), each switched off with its own <c>Enabled=false</c>. REST clients get the standard
/// resilience handler (retries with back-off, honouring Retry-After).
/// </summary>
public static class LiveFeedsServiceCollectionExtensions
{
    public static IServiceCollection AddLiveSources(this IServiceCollection services)
    {
        services.AddOptions<BinanceOptions>().BindConfiguration(BinanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(BinanceSource.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<BinanceSource>();
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<BinanceSource>());
        return services;
    }
}
