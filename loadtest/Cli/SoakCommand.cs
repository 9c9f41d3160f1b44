using System.CommandLine;
using System.CommandLine.Parsing;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
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
        var load = defaults.Load;
        var shared = new LoadOptions(
            load,
            "Target ticks per second, all publishers together (half the measured maximum for the documented soak).",
            "SignalR subscribers whose tick-to-client latency is sampled.");
        var duration = DurationOption("--duration", "Length of the soak, from the first tick published (e.g. 30m, 90s, 1h, 00:30:00; a bare number is seconds).", load.Duration);
        var interval = DurationOption("--sample-interval", "Time between samples (e.g. 60s; at least 1 s). Latency percentiles are per interval.", defaults.SampleInterval);
        var maxGrowth = new Option<double>("--max-growth-mib-per-hour") { Description = "Memory counts as flat when the least-squares slope of server RSS (else GC heap) over the second half stays at or below this (MiB per hour). Without --server-pid and GET /api/stats memory cannot be judged.", DefaultValueFactory = _ => defaults.MaxGrowthMiBPerHour };
        var maxSpread = new Option<double?>("--max-spread-mib") { Description = "Optional: memory also fails when max - min over the second half exceeds this (MiB). Not checked by default." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the samples, totals and verdict as JSON to this file." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write one CSV row per sample, with the verdict as trailing # comment lines, to this file." };
        var plain = new Option<bool>("--plain") { Description = "One line per sample instead of the live table (automatic when output is redirected)." };

        var command = new Command("soak", "Long run at a fixed rate against a running server: a sample per interval (ticks/s, tick-to-client latency, server memory) and a verdict on whether memory stays flat. Exit code 3 when it does not, or on errors.");
        foreach (var option in shared.All.Concat([duration, interval, maxGrowth, maxSpread, json, csv, plain]))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new SoakSettings
            {
                Load = shared.Read(result) with { Duration = result.GetValue(duration) },
                SampleInterval = result.GetValue(interval),
                MaxGrowthMiBPerHour = result.GetValue(maxGrowth),
                MaxSpreadMiB = result.GetValue(maxSpread),
            };
            var (report, exitCode) = await ConsoleRun.RunAsync(
                settings.Validate, "Soak", settings.Load.Url, () => RunWithProgressAsync(settings, result.GetValue(plain), cancellationToken));
            if (report is null)
            {
                return exitCode;
            }

            if (Console.IsOutputRedirected)
            {
                // A redirected console reports 80 columns, which folds the samples table beyond reading.
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 180);
            }

            AnsiConsole.Write(SoakTables.Samples(report));
            AnsiConsole.Write(SoakTables.Verdict(report));
            if (result.GetValue(json) is { } jsonFile)
            {
                await SummaryJson.WriteAsync(report, jsonFile.FullName, CancellationToken.None);
                AnsiConsole.MarkupLineInterpolated($"Samples and verdict written to [bold]{jsonFile.FullName}[/]");
            }

            if (result.GetValue(csv) is { } csvFile)
            {
                await SoakCsv.WriteAsync(report, csvFile.FullName, CancellationToken.None);
                AnsiConsole.MarkupLineInterpolated($"Samples written to [bold]{csvFile.FullName}[/]");
            }

            return report.Verdict.Passed ? 0 : Failed;
        });
        return command;
    }

    private static Option<TimeSpan> DurationOption(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = r => Parse(r, fallback),
    };

    private static TimeSpan Parse(ArgumentResult r, TimeSpan fallback)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        if (SoakDuration.TryParse(text, out var value))
        {
            return value;
        }

        r.AddError($"'{text}' is not a duration (e.g. 30m, 60s, 1h, 00:30:00).");
        return fallback;
    }

    private static async Task<SoakReport> RunWithProgressAsync(SoakSettings settings, bool plain, CancellationToken ct)
    {
        var runner = new SoakRunner(settings);
        if (ConsoleRun.Plain(plain))
        {
            var printed = 0;
            return await runner.RunAsync(
                p =>
                {
                    for (; printed < p.Samples.Count; printed++)
                    {
                        Console.WriteLine(SoakProgressView.Line(p.Samples[printed]));
                    }
                },
                ct);
        }

        return await ConsoleRun.WithLiveTableAsync<SoakReport, SoakProgress>(
            SoakProgressView.Empty(), (table, p) => SoakProgressView.Fill(table, p), report => runner.RunAsync(report, ct), "The soak");
    }
}
