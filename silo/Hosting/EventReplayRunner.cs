using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.History;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Silo.Hosting;

/// <summary>
/// Replays the bundled history through an in-process silo (localhost clustering on free ports, the grains'
/// <c>AddAltseasonLive</c>, a temporary SQLite file, one-day bars) and collects every event the grains log. The event
/// log keeps a bounded retention, so events are drained after each replayed day.
/// </summary>
public sealed class EventReplayRunner(BundledHistory history)
{
    /// <summary>The outcome: events in sequence order and the ingest's accepted/rejected tick counts.</summary>
    public sealed record Result(IReadOnlyList<MarketEvent> Events, long AcceptedTicks, long RejectedTicks, int Days);

    /// <summary>Configuration the in-process silo runs with (one-day bars; SQLite in <paramref name="sqlitePath"/>).</summary>
    public static Dictionary<string, string?> SiloSettings(string sqlitePath) => new()
    {
        ["Bars:BarSize"] = "1.00:00:00",
        ["Bars:LateTolerance"] = "1.00:00:00",
        ["Storage:Provider"] = "Sqlite",
        ["Storage:SqlitePath"] = sqlitePath,
    };

    public async Task<Result> RunAsync(DateOnly? from, DateOnly? to, IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "altseason-events-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(SiloSettings(Path.Combine(folder, "events.db")));
            builder.Logging.ClearProviders();
            var ports = FreePort.Next(2);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(ports[0], ports[1])
                .AddAltseasonLive(builder.Configuration));
            builder.Services.AddSingleton<GrainTickSink>();
            using var host = builder.Build();
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var grains = host.Services.GetRequiredService<IGrainFactory>();
                var sink = host.Services.GetRequiredService<GrainTickSink>();
                var log = grains.GetGrain<IEventLogGrain>(0);
                var events = new List<MarketEvent>();
                var replay = new HistoryReplay(history, new HistoryReplayOptions { From = from, To = to });
                long last = 0;
                var draining = new DrainingSink(sink, async ct =>
                {
                    EventPage page;
                    do
                    {
                        page = await log.GetSince(last, 1000).WaitAsync(ct).ConfigureAwait(false);
                        events.AddRange(page.Events);
                        if (page.Events.Length > 0)
                        {
                            last = page.Events[^1].Sequence;
                        }
                    }
                    while (page.HasMore);
                });
                await replay.RunAsync(draining, progress, cancellationToken).ConfigureAwait(false);
                await draining.DrainAsync(cancellationToken).ConfigureAwait(false);
                return new Result(events, draining.Accepted, draining.Rejected, replay.Days.Count);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
