using AltseasonLive.Feeds.Live.Binance;
using AltseasonLive.Feeds.Live.Coinbase;
using AltseasonLive.Feeds.Live.CoinGecko;
using AltseasonLive.Feeds.Live.Yahoo;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Feeds.Live;

/// <summary>
/// Registers every live source, each bound to <c>Feeds:Live:&lt;Source&gt;</c> and validated at start (an invalid value
/// stops the start naming its key), each switched off with its own <c>Enabled=false</c>. Binance's REST client (gap and
/// daily backfill) gets the standard resilience handler (retries with back-off, honouring Retry-After); the polled
/// sources retry in their own <see cref="Polling.PollingLoop"/>, which waits out a 429's Retry-After itself.
/// </summary>
public static class LiveFeedsServiceCollectionExtensions
{
    public static IServiceCollection AddLiveSources(this IServiceCollection services)
    {
        services.AddOptions<BinanceOptions>().BindConfiguration(BinanceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(BinanceSource.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<BinanceSource>();
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<BinanceSource>());

        services.AddOptions<CoinbaseOptions>().BindConfiguration(CoinbaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CoinbaseSource>();
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<CoinbaseSource>());

        services.AddOptions<CoinGeckoOptions>().BindConfiguration(CoinGeckoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(CoinGeckoSource.HttpClientName);
        services.AddSingleton<CoinGeckoSource>();
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<CoinGeckoSource>());

        services.AddOptions<YahooOptions>().BindConfiguration(YahooOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(YahooSource.HttpClientName);
        services.AddSingleton<YahooSource>();
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<YahooSource>());
        return services;
    }
}
