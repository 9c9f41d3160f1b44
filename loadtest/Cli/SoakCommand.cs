using System.CommandLine;
using AltseasonLive.LoadTest.Soak;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>
/// <c>soak</c>: a long run at a fixed rate against an already running server, sampled per interval, ending with a
/// memory-flatness verdict. Exit codes: 0 passed, 1 the run could not be done, 2 invalid options, 3 memory not flat,
/// unknown, or errors during the run.
/// </summary>
public static class SoakCommand
{
    public const int Failed = 3;

    public static Command Create()
    {
        var defaults = new SoakSettings();
        var shared = new LoadOptions(
            defaults.Load,
            "Target ticks per second, all publishers together (half the measured maximum for the documented soak).",
            "SignalR subscribers whose tick-to-client latency is sampled.",
            "Length of the soak, from the first tick published (e.g. 30m, 90s, 1h, 00:30:00; a bare number is seconds).",
            "Also write the samples, totals and verdict as JSON to this file.");
        var interval = LoadOptions.DurationOption("--sample-interval", "Time between samples (e.g. 60s; at least 1 s). Latency percentiles are per interval.", defaults.SampleInterval);
        var maxGrowth = new Option<double>("--max-growth-mib-per-hour") { Description = "Memory counts as flat when the least-squares slope of server RSS (else GC heap) over the second half stays at or below this (MiB per hour). Without --server-pid and GET /api/stats memory cannot be judged.", DefaultValueFactory = _ => defaults.MaxGrowthMiBPerHour };
        var maxSpread = new Option<double?>("--max-spread-mib") { Description = "Optional: memory also fails when max - min over the second half exceeds this (MiB). Not checked by default." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write one CSV row per sample, with the verdict as trailing # comment lines, to this file." };

        var command = new Command("soak", "Long run at a fixed rate against one running server: a sample per interval (ticks/s, tick-to-client latency, server memory) and a verdict on whether memory stays flat. Exit code 3 when it does not, or on errors.");
        foreach (var option in shared.All.Concat([interval, maxGrowth, maxSpread, csv]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new SoakSettings
            {
                Load = shared.Read(result),
                SampleInterval = result.GetValue(interval),
                MaxGrowthMiBPerHour = result.GetValue(maxGrowth),
                MaxSpreadMiB = result.GetValue(maxSpread),
            };
            var runner = new SoakRunner(settings);
            var printed = 0;
            var (report, exitCode) = await ConsoleRun.RunAsync(settings.Validate, "Soak", settings.Load.Urls, () => ConsoleRun.WithProgressAsync<SoakReport, SoakProgress>(
                result.GetValue(shared.Plain),
                report => runner.RunAsync(report, cancellationToken),
                p =>
                {
                    for (; printed < p.Samples.Count; printed++)
                    {
                        Console.WriteLine(SoakProgressView.Line(p.Samples[printed]));
                    }
                },
                SoakProgressView.Empty(),
                (table, p) => SoakProgressView.Fill(table, p),
                "The soak"));
            if (report is null)
            {
                return exitCode;
            }

            ConsoleRun.WidenRedirectedOutput();
            AnsiConsole.Write(SoakTables.Samples(report));
            AnsiConsole.Write(SoakTables.Verdict(report));
            await ConsoleRun.WriteJsonAsync(report, result.GetValue(shared.Json), "Samples and verdict");
            if (result.GetValue(csv) is { } csvFile)
            {
                await SoakCsv.WriteAsync(report, csvFile.FullName, CancellationToken.None);
                AnsiConsole.MarkupLineInterpolated($"Samples written to [bold]{csvFile.FullName}[/]");
            }

            return report.Verdict.Passed ? 0 : Failed;
        });
        return command;
    }
}
