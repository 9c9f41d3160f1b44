using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AltseasonLive.History.Tests;

/// <summary>
/// Runs the feeds as the product hosts them (<c>AddAltseasonFeeds</c>) into a <see cref="CollectingSink"/> until
/// <c>batches</c> batches arrived (60 s at most), optionally with a feed checkpoint to resume from.
/// </summary>
public static class FeedsHost
{
    public static async Task<Tick[][]> CollectAsync(Dictionary<string, string?> settings, int batches, IFeedCheckpoint? checkpoint = null)
    {
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        // Never the default (Auto would reach for the public live sources); a test may still ask for Off.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Feeds:Mode"] = "Demo" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<ITickSink>(sink);
        if (checkpoint is not null)
        {
            builder.Services.AddSingleton(checkpoint);
        }

        builder.Services.AddAltseasonFeeds(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.True(SpinWait.SpinUntil(() => sink.Batches.Count >= batches, TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await host.StopAsync();
        }

        return sink.Batches.ToArray();
    }
}
