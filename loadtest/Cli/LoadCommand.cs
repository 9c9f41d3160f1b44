using System.CommandLine;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>The load run (the root command): options, live progress and the summary table/JSON.</summary>
public static class LoadCommand
{
    public const string KeyVariable = "ALTSEASON_PUBLISH_KEY";

    public static void Configure(RootCommand root)
    {
        var defaults = new LoadSettings();
        var url = new Option<Uri>("--url")
        {
            Description = "Base address of the api.",
            DefaultValueFactory = _ => defaults.Url,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var parsed))
                {
                    return parsed;
                }

                r.AddError($"'{text}' is not an absolute address.");
                return defaults.Url;
            },
        };
        var key = new Option<string?>("--key") { Description = $"Ingestion bearer key (default: environment variable {KeyVariable})." };
        var transport = new Option<PublishTransport>("--transport") { Description = "WebSocket streaming or Http POST batches.", DefaultValueFactory = _ => defaults.Transport };
        var publishers = new Option<int>("--publishers") { Description = "Publisher connections.", DefaultValueFactory = _ => defaults.Publishers };
        var rate = new Option<double>("--rate") { Description = "Target ticks per second, all publishers together.", DefaultValueFactory = _ => defaults.Rate };
        var batch = new Option<int>("--batch") { Description = "Ticks per frame or request.", DefaultValueFactory = _ => defaults.Batch };
        var inFlight = new Option<int>("--in-flight") { Description = "Unacknowledged batches allowed per publisher.", DefaultValueFactory = _ => defaults.InFlight };
        var subscribers = new Option<int>("--subscribers") { Description = "SignalR subscribers whose latency and updates are tracked.", DefaultValueFactory = _ => defaults.Subscribers };
        var idle = new Option<int>("--idle-subscribers") { Description = "Extra connections that only hold a subscription (--idle-topics).", DefaultValueFactory = _ => defaults.IdleSubscribers };
        var topics = new Option<string>("--topics") { Description = "Comma-separated hub topics of tracked subscribers.", DefaultValueFactory = _ => string.Join(',', defaults.Topics) };
        var idleTopics = new Option<string>("--idle-topics") { Description = "Comma-separated hub topics of idle subscribers.", DefaultValueFactory = _ => string.Join(',', defaults.IdleTopics) };
        var duration = new Option<double>("--duration") { Description = "Measured seconds (after the warm-up).", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds, not counted.", DefaultValueFactory = _ => defaults.Warmup.TotalSeconds };
        var symbols = new Option<int>("--symbols") { Description = "Coins moving besides RUT, BTC and ETH (taken from the server's universe).", DefaultValueFactory = _ => defaults.Symbols };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic market.", DefaultValueFactory = _ => defaults.Seed };
        var serverPid = new Option<int?>("--server-pid") { Description = "Server process id on this machine, to report its resident memory." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the summary as JSON to this file." };
        var plain = new Option<bool>("--plain") { Description = "One progress line per second instead of the live table (automatic when output is redirected)." };

        foreach (var option in new Option[] { url, key, transport, publishers, rate, batch, inFlight, subscribers, idle, topics, idleTopics, duration, warmup, symbols, seed, serverPid, json, plain })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var settings = new LoadSettings
            {
                Url = result.GetValue(url) ?? defaults.Url,
                Key = result.GetValue(key) ?? Environment.GetEnvironmentVariable(KeyVariable) ?? "",
                Transport = result.GetValue(transport),
                Publishers = result.GetValue(publishers),
                Rate = result.GetValue(rate),
                Batch = result.GetValue(batch),
                InFlight = result.GetValue(inFlight),
                Subscribers = result.GetValue(subscribers),
                IdleSubscribers = result.GetValue(idle),
                Topics = SplitTopics(result.GetValue(topics)),
                IdleTopics = SplitTopics(result.GetValue(idleTopics)),
                Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                Warmup = TimeSpan.FromSeconds(result.GetValue(warmup)),
                Symbols = result.GetValue(symbols),
                Seed = result.GetValue(seed),
                ServerPid = result.GetValue(serverPid),
            };
            try
            {
                settings.Validate();
            }
            catch (ArgumentException ex)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{ex.Message}[/]");
                return 2;
            }

            LoadSummary summary;
            try
            {
                summary = await RunWithProgressAsync(settings, result.GetValue(plain), cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Load run failed against {settings.Url}: {ex.Message}[/]");
                return 1;
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
        if (plain || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await runner.RunAsync(s => Console.WriteLine(LoadProgressView.Line(s)), ct);
        }

        var table = LoadProgressView.Empty();
        LoadSummary? summary = null;
        await AnsiConsole.Live(table).StartAsync(async live =>
        {
            summary = await runner.RunAsync(
                s =>
                {
                    LoadProgressView.Fill(table, s);
                    live.Refresh();
                },
                ct);
        });
        return summary ?? throw new InvalidOperationException("The load run ended without a summary.");
    }

    private static string[] SplitTopics(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
