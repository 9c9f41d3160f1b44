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
    /// Binds the options (sections Universe, Bars, Signals:Correlation, Signals:Market, Storage, Push, Events), registers the
    /// universe catalogue and the grain storage chosen by <c>Storage:Provider</c> (unset: Redis in a Redis cluster, else SQLite). Clustering is left to the caller
    /// (<c>UseLocalhostClustering()</c> by default).
    /// </summary>
    public static ISiloBuilder AddAltseasonLive(this ISiloBuilder silo, IConfiguration config)
    {
        var services = silo.Services;
        services.AddOptions<UniverseOptions>().Bind(config.GetSection(UniverseOptions.SectionName)).PostConfigure(DefaultUniverse.ApplyTo);
        services.AddValidatedOptions<BarOptions>(config, BarOptions.SectionName);
        services.AddValidatedOptions<CorrelationSignalOptions>(config, CorrelationSignalOptions.SectionName);
        services.AddValidatedOptions<MarketSignalOptions>(config, MarketSignalOptions.SectionName).PostConfigure(DefaultUniverse.ApplyTo);
        services.AddValidatedOptions<PushOptions>(config, PushOptions.SectionName);
        services.AddValidatedOptions<EventLogOptions>(config, EventLogOptions.SectionName);
        services.AddSingleton<GrainMetrics>();
        services.AddOptions<SeriesHistoryOptions>().Bind(config.GetSection(SeriesHistoryOptions.SectionName))
            .Validate(o => o.Length >= 1, "SeriesHistory:Length must be at least 1 bar.").ValidateOnStart();
        services.AddOptions<PlausibilityOptions>().Bind(config.GetSection(PlausibilityOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlausibilityOptions>, PlausibilityOptionsValidator>();
        services.AddSingleton<UniverseCatalog>();
        services.AddSingleton<IngestClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<IngestClock>());
        silo.AddIncomingGrainCallFilter<EventBatchFilter>();

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var storage = config.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var clustering = config.ReadClustering();
        switch (storage.ProviderFor(clustering))
        {
            case StorageProvider.Redis:
                if (storage.RedisConnectionFor(clustering) is not { Length: > 0 } redis)
                {
                    throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), ["Storage:ConnectionString (or Clustering:ConnectionString) is required when Storage:Provider is Redis."]);
                }

                silo.AddRedisGrainStorage(StorageNames.Default, (OptionsBuilder<RedisStorageOptions> options) => options.Configure<Serializer>((o, serializer) =>
                {
                    o.ConfigurationOptions = RedisConfiguration.Parse(redis);
                    o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                }));
                break;
            case StorageProvider.Memory:
                silo.AddMemoryGrainStorage(StorageNames.Default, (OptionsBuilder<MemoryGrainStorageOptions> options) => options.Configure<Serializer>(
                    (o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
                break;
            default:
                var connectionString = string.IsNullOrWhiteSpace(storage.ConnectionString)
                    ? SqliteGrainStorage.ConnectionStringFor(storage.SqlitePath)
                    : storage.ConnectionString;
                services.AddSingleton(sp => new SqliteGrainStorage(
                    connectionString,
                    new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()),
                    sp.GetRequiredService<ILogger<SqliteGrainStorage>>(),
                    storage.Checkpointed,
                    sp.GetService<IGrainContextAccessor>()));
                services.AddGrainStorage(StorageNames.Default, (sp, _) => sp.GetRequiredService<SqliteGrainStorage>());
                if (storage.Checkpointed)
                {
                    services.AddSingleton<IStateCheckpoint>(sp => sp.GetRequiredService<SqliteGrainStorage>());
                }

                break;
        }

        return silo;
    }
}
