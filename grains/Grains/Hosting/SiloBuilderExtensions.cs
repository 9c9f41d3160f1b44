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
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace AltseasonLive.Grains.Hosting;

/// <summary>One call that gives a silo (co-hosted in api/ or standalone in silo/) everything AltseasonLive's grains need.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Binds the options (sections Universe, Bars, Signals:Correlation, Signals:Market, Storage, Push, Events), registers the
    /// universe catalogue and the grain storage chosen by <c>Storage:Provider</c>. Clustering is left to the caller
    /// (<c>UseLocalhostClustering()</c> by default).
    /// </summary>
    public static ISiloBuilder AddAltseasonLive(this ISiloBuilder silo, IConfiguration config)
    {
        var services = silo.Services;
        services.AddOptions<UniverseOptions>().Bind(config.GetSection(UniverseOptions.SectionName)).PostConfigure(DefaultUniverse.ApplyTo);
        services.AddValidatedOptions<BarOptions>(config, BarOptions.SectionName);
        services.AddValidatedOptions<CorrelationSignalOptions>(config, CorrelationSignalOptions.SectionName);
        services.AddValidatedOptions<MarketSignalOptions>(config, MarketSignalOptions.SectionName).PostConfigure(DefaultUniverse.ApplyTo);
        services.AddOptions<StorageOptions>().Bind(config.GetSection(StorageOptions.SectionName));
        services.AddValidatedOptions<PushOptions>(config, PushOptions.SectionName);
        services.AddValidatedOptions<EventLogOptions>(config, EventLogOptions.SectionName);
        services.AddSingleton<GrainMetrics>();
        services.AddSingleton<UniverseCatalog>();
        services.AddSingleton<IngestClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<IngestClock>());
        silo.AddIncomingGrainCallFilter<EventBatchFilter>();

        var storage = config.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        switch (storage.Provider)
        {
            case StorageProvider.AdoNet:
                if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                {
                    throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), ["Storage:ConnectionString is required when Storage:Provider is AdoNet."]);
                }

                silo.AddAdoNetGrainStorage(StorageNames.Default, (OptionsBuilder<AdoNetGrainStorageOptions> options) => options.Configure<Serializer>((o, serializer) =>
                {
                    o.Invariant = storage.Invariant;
                    o.ConnectionString = storage.ConnectionString;
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
