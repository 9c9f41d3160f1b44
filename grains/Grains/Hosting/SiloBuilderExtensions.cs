using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Events;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Telemetry;
using AltseasonLive.Grains.Universe;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace AltseasonLive.Grains.Hosting;

/// <summary>One call that gives a silo (co-hosted in api/ or standalone in silo/) everything AltseasonLive's grains need.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Binds the options (sections Universe, Bars, Signals:Correlation, Signals:Market, SeriesHistory, Plausibility,
    /// Storage, Push, Events) from <paramref name="config"/>, validated at start, and registers the universe catalogue and
    /// the grain storage that <c>Storage:Provider</c> names (<see cref="RegistrationChoices.StorageProvider"/>: unset means
    /// Redis in a Redis cluster, else SQLite). Clustering is left to the caller (<c>UseAltseasonClustering</c>, or
    /// <c>UseLocalhostClustering()</c> in tools and tests).
    /// </summary>
    public static ISiloBuilder AddAltseasonLive(this ISiloBuilder silo, IConfiguration config)
    {
        var services = silo.Services;
        services.AddValidatedOptions<UniverseOptions>(config, UniverseOptions.SectionName).PostConfigure(DefaultUniverse.ApplyTo);
        services.AddValidatedOptions<BarOptions>(config, BarOptions.SectionName);
        services.AddValidatedOptions<CorrelationSignalOptions>(config, CorrelationSignalOptions.SectionName);
        services.AddValidatedOptions<MarketSignalOptions>(config, MarketSignalOptions.SectionName).PostConfigure(DefaultUniverse.ApplyTo);
        services.AddValidatedOptions<PushOptions>(config, PushOptions.SectionName);
        services.AddValidatedOptions<EventLogOptions>(config, EventLogOptions.SectionName);
        services.AddValidatedOptions<SeriesHistoryOptions>(config, SeriesHistoryOptions.SectionName);
        services.AddValidatedOptions<PlausibilityOptions>(config, PlausibilityOptions.SectionName);
        services.AddSingleton<IValidateOptions<PlausibilityOptions>, PlausibilityOptionsValidator>();
        services.AddValidatedOptions<StorageOptions>(config, StorageOptions.SectionName);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<GrainMetrics>();
        services.AddSingleton<UniverseCatalog>();
        services.AddSingleton<IngestClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<IngestClock>());
        silo.AddIncomingGrainCallFilter<EventBatchFilter>();

        switch (config.StorageProvider())
        {
            case StorageProvider.Redis:
                silo.AddRedisGrainStorage(StorageNames.Default, (OptionsBuilder<RedisStorageOptions> options) =>
                    options.Configure<Serializer, IOptions<StorageOptions>, IOptions<ClusteringOptions>>((o, serializer, storage, clustering) =>
                    {
                        o.ConfigurationOptions = RedisConfiguration.Parse(storage.Value.RedisConnectionFor(clustering.Value) ?? "");
                        o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                    }));
                break;
            case StorageProvider.Memory:
                silo.AddMemoryGrainStorage(StorageNames.Default, (OptionsBuilder<MemoryGrainStorageOptions> options) => options.Configure<Serializer>(
                    (o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
                break;
            default:
                services.AddSingleton(sp =>
                {
                    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                    return new SqliteGrainStorage(
                        string.IsNullOrWhiteSpace(storage.ConnectionString) ? SqliteGrainStorage.ConnectionStringFor(storage.SqliteFile) : storage.ConnectionString,
                        new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()),
                        sp.GetRequiredService<ILogger<SqliteGrainStorage>>(),
                        storage.Checkpointed,
                        sp.GetService<IGrainContextAccessor>());
                });
                services.AddGrainStorage(StorageNames.Default, (sp, _) => sp.GetRequiredService<SqliteGrainStorage>());
                // Used only in checkpointed mode (Storage:Checkpointed); otherwise nothing asks for it.
                services.AddSingleton<IStateCheckpoint>(sp => sp.GetRequiredService<SqliteGrainStorage>());
                break;
        }

        return silo;
    }
}
