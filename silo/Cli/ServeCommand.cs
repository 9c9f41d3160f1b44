using System.CommandLine;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.Silo.Cli;

/// <summary>
/// <c>serve</c>: the standalone silo (UseOrleans + AddAltseasonLive + the feeds) for multi-process deployments.
/// Configuration comes from appsettings.json, environment variables and any extra <c>--Section:Key=value</c> arguments.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Run the standalone silo with the history replay and synthetic feeds until Ctrl+C. Clustering and storage come from the same settings as the api (Clustering:*, Storage:*; localhost on ports 11111/30000 by default). Extra arguments are configuration, e.g. --Feeds:Replay:Enabled=false --Storage:Provider=Memory")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, ct) => CliApp.GuardAsync(context, async () =>
        {
            var builder = Host.CreateApplicationBuilder([.. parse.UnmatchedTokens]);
            builder.UseOrleans(silo => silo.UseAltseasonClustering(builder.Configuration).AddAltseasonLive(builder.Configuration));
            builder.Logging.AddFilter("Polly", LogLevel.Warning);
            builder.Services.AddSingleton<ITickSink, GrainTickSink>();
            builder.Services.AddSingleton<IFeedCheckpoint, GrainFeedCheckpoint>();
            builder.Services.AddAltseasonFeeds(builder.Configuration);
            using var host = builder.Build();
            await host.RunAsync(ct).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }
}
