using System.CommandLine;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>The load run (the root command): options, live progress and the summary table/JSON.</summary>
public static class LoadCommand
{
    public static void Configure(RootCommand root)
    {
        var defaults = new LoadSettings();
        var shared = new LoadOptions(defaults, "Target ticks per second, all publishers together.", "SignalR subscribers whose latency and updates are tracked.");
        var idle = new Option<int>("--idle-subscribers") { Description = "Extra connections that only hold a subscription (--idle-topics).", DefaultValueFactory = _ => defaults.IdleSubscribers };
        var idleTopics = new Option<string>("--idle-topics") { Description = "Comma-separated hub topics of idle subscribers.", DefaultValueFactory = _ => string.Join(',', defaults.IdleTopics) };
        var duration = new Option<double>("--duration") { Description = "Measured seconds (after the warm-up).", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds, not counted.", DefaultValueFactory = _ => defaults.Warmup.TotalSeconds };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the summary as JSON to this file." };
        var plain = new Option<bool>("--plain") { Description = "One progress line per second instead of the live table (automatic when output is redirected)." };

        foreach (var option in shared.All.Concat([idle, idleTopics, duration, warmup, json, plain]))
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var settings = shared.Read(result) with
            {
                IdleSubscribers = result.GetValue(idle),
                IdleTopics = LoadOptions.SplitTopics(result.GetValue(idleTopics)),
                Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                Warmup = TimeSpan.FromSeconds(result.GetValue(warmup)),
            };
            var (summary, exitCode) = await ConsoleRun.RunAsync(
                settings.Validate, "Load run", settings.Url, () => RunWithProgressAsync(settings, result.GetValue(plain), cancellationToken));
            if (summary is null)
            {
                return exitCode;
            }

            AnsiConsole.Write(LoadSummaryTable.Build(summary));
            if (result.GetValue(json) is { } file)
            {
                await SummaryJson.WriteAsync(summary, file.FullName, CancellationToken.None);
                AnsiConsole.MarkupLineInterpolated($"Summary written to [bold]{file.FullName}[/]");
            }

            return 0;
        });
    }

    private static async Task<LoadSummary> RunWithProgressAsync(LoadSettings settings, bool plain, CancellationToken ct)
    {
        var runner = new LoadRunner(settings);
        if (ConsoleRun.Plain(plain))
        {
            return await runner.RunAsync(s => Console.WriteLine(LoadProgressView.Line(s)), ct);
        }

        return await ConsoleRun.WithLiveTableAsync<LoadSummary, LoadSnapshot>(
            LoadProgressView.Empty(), (table, s) => LoadProgressView.Fill(table, s), report => runner.RunAsync(report, ct), "The load run");
    }
}
