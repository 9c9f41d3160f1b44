using System.Text.Json.Serialization;
using AltseasonLive.Api.Apis;
using AltseasonLive.Api.Durability;
using AltseasonLive.Api.Health;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Limits;
using AltseasonLive.Api.Market;
using AltseasonLive.Api.Operations;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Serialization;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Hosting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Extensions;

/// <summary>Everything the api registers: the co-hosted silo, the feeds, ingestion, the hub and its fan-out, REST and OpenAPI.</summary>
public static class ApiServiceExtensions
{
    public static WebApplicationBuilder AddAltseasonApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        OwnerOnlyFiles.Apply();

        services.AddValidatedOptions<DataFolderOptions>(DataFolderOptions.SectionName);
        services.AddValidatedOptions<MarketHubOptions>(MarketHubOptions.SectionName);
        // Not strict about unknown keys: the section also holds Ingestion:Streams, bound by PublisherStreamOptions.
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddValidatedOptions<PublisherStreamOptions>(PublisherStreamOptions.SectionName);
        services.AddValidatedOptions<PushBridgeOptions>(PushBridgeOptions.SectionName);
        services.AddValidatedOptions<BrowserCorsOptions>(BrowserCorsOptions.SectionName);
        services.AddValidatedOptions<DurabilityOptions>(DurabilityOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        // One local data folder: grain state sits beside the generated key unless Storage:SqlitePath is set.
        services.AddOptions<StorageOptions>().PostConfigure<IOptions<DataFolderOptions>>((storage, data) =>
        {
            if (string.IsNullOrWhiteSpace(storage.SqlitePath))
            {
                storage.SqlitePath = Path.Combine(data.Value.ResolveFolder(), "altseasonlive.db");
            }
        });

        // Localhost clustering by default (section Clustering: ports, or a Redis cluster); grains and storage from AddAltseasonLive.
        builder.Host.UseOrleans(silo => silo.UseAltseasonClustering(configuration).AddAltseasonLive(configuration).AddAltseasonDashboard(configuration));
        services.AddAltseasonHealth(configuration);

        services.AddSingleton<UniverseCache>();
        services.AddSingleton<IMarketQueries, GrainMarketQueries>();
        services.AddSingleton<PushCounters>();
        services.AddSingleton<HubLifetimeManager<MarketHub>, MarketHubLifetimeManager>();
        services.AddSingleton<MarketFanOut>();
        services.AddHostedService<PushFlushService>();
        services.AddSingleton<HubMarketObserver>();
        services.AddHostedService<ObserverRegistrationService>();

        services.AddSingleton<IngestMetrics>();
        services.AddAltseasonTelemetry();

        services.AddSingleton<IngestionKeyStore>();
        services.AddAltseasonLimits();
        services.AddSingleton<GrainTickSink>();
        services.AddSingleton<ITickSink>(sp => sp.GetRequiredService<GrainTickSink>());
        if (DurabilityExtensions.IsDurable(configuration))
        {
            services.AddAltseasonDurability();
        }
        else if (DurabilityExtensions.UsesIngestLog(configuration))
        {
            services.AddAltseasonIngestLog();
        }

        services.AddSingleton<RequestChunker>();
        services.AddSingleton<IFeedCheckpoint, GrainFeedCheckpoint>();
        services.AddSingleton<ISimulationMarker, Feeds.EventLogSimulationMarker>();
        services.AddSingleton<AltseasonLive.Feeds.Live.IBackfillCache, Feeds.FileBackfillCache>();
        services.AddAltseasonFeeds(configuration);

        services.AddSignalR().AddJsonProtocol(o =>
        {
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.PayloadSerializerOptions.Converters.Add(new FiniteDoubleConverter());
        });
        services.AddOptions<HubOptions>().Configure<IOptions<MarketHubOptions>>((hub, market) =>
            hub.MaximumReceiveMessageSize = market.Value.MaximumReceiveMessageSize);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new FiniteDoubleConverter());
        });
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<BrowserCorsOptions>>((cors, browser) =>
            cors.AddPolicy(BrowserCorsOptions.PolicyName, policy => policy
                .WithOrigins([.. browser.Value.Origins])
                .WithMethods("GET", "POST")
                .AllowAnyHeader()
                .AllowCredentials()));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        return builder;
    }
}
