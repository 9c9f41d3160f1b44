using AltseasonLive.Feeds.Live;
using AltseasonLive.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Hosting;

/// <summary>Registers the feed mode, the history replay, the synthetic feed and the live sources; the host must register an <see cref="ITickSink"/>.</summary>
public static class FeedsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the feeds as hosted services bound to <c>Feeds</c> (mode), <c>Feeds:Replay</c>, <c>Feeds:Synthetic</c> and
    /// <c>Feeds:Live</c> (see <see cref="FeedModeOptions"/>, <see cref="ReplayFeedOptions"/>,
    /// <see cref="SyntheticFeedServiceOptions"/>, <see cref="LiveFeedsServiceCollectionExtensions"/>).
    /// </summary>
    public static IServiceCollection AddAltseasonFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedModeOptions>().BindConfiguration(FeedModeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Unknown keys refused (a misspelling, or the retired DayMilliseconds): the section's every key is a member.
        services.AddOptions<ReplayFeedOptions>().BindConfiguration(ReplayFeedOptions.Section, RefuseUnknownKeys).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SyntheticFeedServiceOptions>().BindConfiguration(SyntheticFeedServiceOptions.Section, RefuseUnknownKeys).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<BundledHistory>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReplayCompletion>();
        services.TryAddSingleton(sp => new FeedModeDecision(sp.GetRequiredService<IOptions<FeedModeOptions>>().Value.Mode));
        services.TryAddSingleton<BackfillStatus>();
        services.AddLiveSources();
        services.AddHostedService<FeedModeService>();
        services.AddHostedService<HistoryReplayService>();
        services.AddHostedService<SyntheticFeedService>();
        return services;
    }

    private static void RefuseUnknownKeys(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
}
