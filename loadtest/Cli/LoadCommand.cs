using System.CommandLine;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>The load run (the root command): options, live progress and the summary tables/JSON.</summary>
public static class LoadCommand
{
    public static void Configure(RootCommand root)
    {
        var defaults = new LoadSettings();
        var shared = new LoadOptions(
            defaults,
            "Target ticks per second, all publishers together.",
            "SignalR subscribers whose latency and updates are tracked.",
            "Measured time after the warm-up (e.g. 30, 90s, 5m).",
            "Also write the summary as JSON to this file.");
        var idle = new Option<int>("--idle-subscribers") { Description = "Extra connections that only hold a subscription (--idle-topics).", DefaultValueFactory = _ => defaults.IdleSubscribers };
        var idleTopics = new Option<string>("--idle-topics") { Description = "Comma-separated hub topics of idle subscribers.", DefaultValueFactory = _ => string.Join(',', defaults.IdleTopics) };
        var warmup = LoadOptions.DurationOption("--warmup", "Warm-up time, not counted (e.g. 5, 10s).", defaults.Warmup);

        foreach (var option in shared.All.Concat([idle, idleTopics, warmup]))
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var settings = shared.Read(result) with
            {
                IdleSubscribers = result.GetValue(idle),
                IdleTopics = LoadOptions.SplitTopics(result.GetValue(idleTopics)),
                Warmup = result.GetValue(warmup),
            };
            var runner = new LoadRunner(settings);
            var (summary, exitCode) = await ConsoleRun.RunAsync(settings.Validate, "Load run", settings.Urls, () => ConsoleRun.WithProgressAsync<LoadSummary, LoadSnapshot>(
                result.GetValue(shared.Plain),
                report => runner.RunAsync(report, cancellationToken),
                s => Console.WriteLine(LoadProgressView.Line(s)),
                LoadProgressView.Empty(),
                (table, s) => LoadProgressView.Fill(table, s),
                "The load run"));
            if (summary is null)
            {
                return exitCode;
            }

            ConsoleRun.WidenRedirectedOutput();
            AnsiConsole.Write(LoadSummaryTable.Build(summary));
            AnsiConsole.Write(LoadSummaryTable.Nodes(summary));
            await ConsoleRun.WriteJsonAsync(summary, result.GetValue(shared.Json), "Summary");
            return 0;
        });
    }
}
