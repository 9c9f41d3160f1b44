using AltseasonLive.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>Registers the history replay and the synthetic live feed; the host must register an <see cref="ITickSink"/>.</summary>
public static class FeedsServiceCollectionExtensions
{
    /// <summary>
    /// Adds both feeds as hosted services bound to <c>Feeds:Replay</c> and <c>Feeds:Synthetic</c> (see
    /// <see cref="ReplayFeedOptions"/>, <see cref="SyntheticFeedServiceOptions"/>). Both are enabled by default.
    /// </summary>
    public static IServiceCollection AddAltseasonFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReplayFeedOptions>().Bind(configuration.GetSection(ReplayFeedOptions.Section));
        services.AddOptions<SyntheticFeedServiceOptions>().Bind(configuration.GetSection(SyntheticFeedServiceOptions.Section));
        services.TryAddSingleton<BundledHistory>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReplayCompletion>();
        services.AddHostedService<HistoryReplayService>();
        services.AddHostedService<SyntheticFeedService>();
        return services;
    }
}
