using AltseasonLive.Api.Extensions;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Limits;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Durability;

/// <summary>Registration of crash recovery: the journaled sink, recovery and checkpoints, and the stream query endpoint.</summary>
public static class DurabilityExtensions
{
    /// <summary>
    /// True when crash recovery applies: <c>Durability:Enabled</c> and SQLite grain storage. Read while registering, because
    /// it decides whether the journaled publisher and its services exist; <see cref="DurabilityOptions"/> binds and
    /// validates the same section for everything else.
    /// </summary>
    public static bool IsDurable(IConfiguration configuration) =>
        configuration.GetValue($"{DurabilityOptions.SectionName}:{nameof(DurabilityOptions.Enabled)}", true)
        && configuration.StorageProvider() == StorageProvider.Sqlite;

    /// <summary>True when the node clusters on Redis and <c>Durability:Enabled</c> is not false: batches then go through the cluster's ingest log.</summary>
    public static bool UsesIngestLog(IConfiguration configuration) =>
        configuration.GetValue($"{DurabilityOptions.SectionName}:{nameof(DurabilityOptions.Enabled)}", true)
        && configuration.ClusteringProvider() == ClusteringProvider.Redis;

    /// <summary>Replaces the <see cref="ITickSink"/> by the cluster's ingest log. Call after the silo and before the feeds.</summary>
    public static IServiceCollection AddAltseasonIngestLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<PublisherStreams>();
        services.AddSingleton<ClusterTickSink>();
        services.Replace(ServiceDescriptor.Singleton<ITickSink>(sp => sp.GetRequiredService<ClusterTickSink>()));
        return services;
    }

    /// <summary>
    /// Replaces the <see cref="ITickSink"/> by the journaled one and puts the SQLite grain storage in checkpointed
    /// mode. Call after the silo and before the feeds, only when <see cref="IsDurable"/>.
    /// </summary>
    public static IServiceCollection AddAltseasonDurability(this IServiceCollection services)
    {
        services.PostConfigure<StorageOptions>(storage => storage.Checkpointed = true);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<GrainTickSink>();
        services.AddSingleton<PublisherStreams>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DurabilityOptions>>().Value;
            var data = sp.GetRequiredService<IOptions<DataFolderOptions>>().Value.ResolveFolder();
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var folder = options.JournalFolder is { Length: > 0 } configured ? Path.Combine(data, configured)
                : string.IsNullOrWhiteSpace(storage.ConnectionString) ? Path.GetFullPath(storage.SqliteFile) + ".journal"
                : Path.Combine(data, "journal");
            return new TickJournal(folder, options.FlushToDisk, sp.GetRequiredService<ILogger<TickJournal>>());
        });
        services.AddSingleton(sp => new DurableTickSink(
            sp.GetRequiredService<GrainTickSink>(),
            sp.GetRequiredService<TickJournal>(),
            sp.GetRequiredService<IStateCheckpoint>(),
            sp.GetRequiredService<PublisherStreams>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IngestClock>(),
            sp.GetRequiredService<IOptions<PublisherStreamOptions>>().Value,
            sp.GetRequiredService<ILogger<DurableTickSink>>()));
        services.Replace(ServiceDescriptor.Singleton<ITickSink>(sp => sp.GetRequiredService<DurableTickSink>()));
        services.AddHostedService<DurabilityService>();
        return services;
    }

    /// <summary>
    /// <c>GET /api/ingest/streams/{streamId}</c> (ingestion key required): the newest applied chunk of one of the
    /// caller key's streams, so a publisher that lost its connection knows where to resume; <c>DELETE</c> resets it.
    /// 404 for an unknown stream (another key's streams are unknown to it) or when durability is off.
    /// </summary>
    public static IEndpointRouteBuilder MapDurabilityApi(this IEndpointRouteBuilder app)
    {
        var streams = app.MapGroup("/api/ingest/streams")
            .WithTags("Ingestion")
            .AddEndpointFilter<IngestionKeyFilter>()
            .RequireRateLimiting(PublishRateLimitPolicy.Name);
        streams.MapGet("/{streamId}", async Task<IResult> (string streamId, HttpContext context, [FromServices] DurableTickSink? publisher, [FromServices] ClusterTickSink? cluster, CancellationToken cancellationToken) =>
                await (cluster is not null ? cluster.GetStreamAsync(ScopedId(context, streamId), cancellationToken)
                    : publisher is not null ? publisher.GetStreamAsync(ScopedId(context, streamId), cancellationToken)
                    : Task.FromResult<StreamPosition?>(null)) is { } last
                    ? TypedResults.Ok(new StreamStatus(StreamScope.Unscoped(last.StreamId), last.Sequence, last.Chunk))
                    : TypedResults.NotFound())
            .WithName("GetPublisherStream")
            .WithSummary("The newest applied request sequence (and chunk) of one of the caller's publisher streams.");
        streams.MapDelete("/{streamId}", async Task<IResult> (string streamId, HttpContext context, [FromServices] DurableTickSink? publisher, [FromServices] ClusterTickSink? cluster, CancellationToken cancellationToken) =>
                (cluster is not null ? await cluster.ResetStreamAsync(ScopedId(context, streamId), cancellationToken)
                    : publisher is not null && await publisher.ResetStreamAsync(ScopedId(context, streamId), cancellationToken))
                    ? TypedResults.NoContent()
                    : TypedResults.NotFound())
            .WithName("ResetPublisherStream")
            .WithSummary("Forgets one of the caller's publisher streams, so that it can start again from any sequence.");
        return app;
    }

    private static string ScopedId(HttpContext context, string streamId) =>
        StreamScope.Scoped(StreamScope.Of(context.Request.Headers.Authorization.ToString()), streamId);
}
