using System.CommandLine;
using System.CommandLine.Parsing;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>
/// The options a load run and a soak share (nodes, publishers, subscribers, synthetic market, duration, output), read
/// into <see cref="LoadSettings"/>. Rates are ticks per second of all publishers together.
/// </summary>
public sealed class LoadOptions
{
    public const string KeyVariable = "ALTSEASON_PUBLISH_KEY";

    private readonly LoadSettings _defaults;

    public LoadOptions(LoadSettings defaults, string rateDescription, string subscribersDescription, string durationDescription, string jsonDescription)
    {
        _defaults = defaults;
        Urls = new Option<Uri[]>("--url")
        {
            Description = "Base address of a node; repeat it or separate addresses with commas for several nodes (publishers and subscribers are dealt round-robin over them).",
            DefaultValueFactory = _ => [.. defaults.Urls],
            CustomParser = ParseUrls,
        };
        Key = new Option<string?>("--key") { Description = $"Ingestion bearer key (default: environment variable {KeyVariable})." };
        Transport = new Option<PublishTransport>("--transport") { Description = "WebSocket streaming or Http POST batches.", DefaultValueFactory = _ => defaults.Transport };
        Publishers = new Option<int>("--publishers") { Description = "Publisher connections.", DefaultValueFactory = _ => defaults.Publishers };
        Rate = new Option<double>("--rate") { Description = rateDescription, DefaultValueFactory = _ => defaults.Rate };
        Batch = new Option<int>("--batch") { Description = "Ticks per frame or request.", DefaultValueFactory = _ => defaults.Batch };
        InFlight = new Option<int>("--in-flight") { Description = "Unacknowledged batches allowed per publisher.", DefaultValueFactory = _ => defaults.InFlight };
        Subscribers = new Option<int>("--subscribers") { Description = subscribersDescription, DefaultValueFactory = _ => defaults.Subscribers };
        Topics = new Option<string>("--topics") { Description = "Comma-separated hub topics of tracked subscribers.", DefaultValueFactory = _ => string.Join(',', defaults.Topics) };
        Symbols = new Option<int>("--symbols") { Description = "Coins moving besides RUT, BTC and ETH (taken from the first node's universe).", DefaultValueFactory = _ => defaults.Symbols };
        Seed = new Option<int>("--seed") { Description = "Seed of the synthetic market.", DefaultValueFactory = _ => defaults.Seed };
        ServerPids = new Option<int[]>("--server-pid")
        {
            Description = "Process id of a node on this machine, one per --url in the same order (repeat it or separate with commas): its resident memory (VmRSS) and CPU time are reported.",
            CustomParser = ParsePids,
        };
        Duration = DurationOption("--duration", durationDescription, defaults.Duration);
        Json = new Option<FileInfo?>("--json") { Description = jsonDescription };
        Plain = new Option<bool>("--plain") { Description = "Plain progress lines instead of the live table (automatic when output is redirected)." };
    }

    public Option<Uri[]> Urls { get; }

    public Option<string?> Key { get; }

    public Option<PublishTransport> Transport { get; }

    public Option<int> Publishers { get; }

    public Option<double> Rate { get; }

    public Option<int> Batch { get; }

    public Option<int> InFlight { get; }

    public Option<int> Subscribers { get; }

    public Option<string> Topics { get; }

    public Option<int> Symbols { get; }

    public Option<int> Seed { get; }

    public Option<int[]> ServerPids { get; }

    public Option<TimeSpan> Duration { get; }

    public Option<FileInfo?> Json { get; }

    public Option<bool> Plain { get; }

    public IEnumerable<Option> All => [Urls, Key, Transport, Publishers, Rate, Batch, InFlight, Subscribers, Topics, Symbols, Seed, ServerPids, Duration, Json, Plain];

    /// <summary>The defaults with every shared option the command line gave; the key falls back to <see cref="KeyVariable"/>.</summary>
    public LoadSettings Read(ParseResult result) => _defaults with
    {
        Urls = result.GetValue(Urls) ?? [.. _defaults.Urls],
        Key = result.GetValue(Key) ?? Environment.GetEnvironmentVariable(KeyVariable) ?? "",
        Transport = result.GetValue(Transport),
        Publishers = result.GetValue(Publishers),
        Rate = result.GetValue(Rate),
        Batch = result.GetValue(Batch),
        InFlight = result.GetValue(InFlight),
        Subscribers = result.GetValue(Subscribers),
        Topics = SplitTopics(result.GetValue(Topics)),
        Symbols = result.GetValue(Symbols),
        Seed = result.GetValue(Seed),
        ServerPids = result.GetValue(ServerPids) ?? [],
        Duration = result.GetValue(Duration),
    };

    public static string[] SplitTopics(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A duration option: <c>90s</c>, <c>30m</c>, <c>1.5h</c>, <c>00:30:00</c> or a bare number of seconds (<see cref="DurationText"/>).</summary>
    public static Option<TimeSpan> DurationOption(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (DurationText.TryParse(text, out var value))
            {
                return value;
            }

            r.AddError($"'{text}' is not a duration (e.g. 30m, 60s, 1h, 00:30:00).");
            return fallback;
        },
    };

    private static IEnumerable<string> Items(ArgumentResult r) =>
        r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private Uri[] ParseUrls(ArgumentResult r)
    {
        var urls = new List<Uri>();
        foreach (var text in Items(r))
        {
            if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var parsed))
            {
                r.AddError($"'{text}' is not an absolute address.");
                return [.. _defaults.Urls];
            }

            urls.Add(parsed);
        }

        return [.. urls];
    }

    private static int[] ParsePids(ArgumentResult r)
    {
        var pids = new List<int>();
        foreach (var text in Items(r))
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                r.AddError($"'{text}' is not a process id.");
                return [];
            }

            pids.Add(pid);
        }

        return [.. pids];
    }
}
