using System.CommandLine;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>
/// The options a load run and a soak share (server, publishers, subscribers, synthetic market), read into
/// <see cref="LoadSettings"/>. Rates are ticks per second of all publishers together.
/// </summary>
public sealed class LoadOptions
{
    public const string KeyVariable = "ALTSEASON_PUBLISH_KEY";

    private readonly LoadSettings _defaults;

    public LoadOptions(LoadSettings defaults, string rateDescription, string subscribersDescription)
    {
        _defaults = defaults;
        Url = new Option<Uri>("--url")
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
        Key = new Option<string?>("--key") { Description = $"Ingestion bearer key (default: environment variable {KeyVariable})." };
        Transport = new Option<PublishTransport>("--transport") { Description = "WebSocket streaming or Http POST batches.", DefaultValueFactory = _ => defaults.Transport };
        Publishers = new Option<int>("--publishers") { Description = "Publisher connections.", DefaultValueFactory = _ => defaults.Publishers };
        Rate = new Option<double>("--rate") { Description = rateDescription, DefaultValueFactory = _ => defaults.Rate };
        Batch = new Option<int>("--batch") { Description = "Ticks per frame or request.", DefaultValueFactory = _ => defaults.Batch };
        InFlight = new Option<int>("--in-flight") { Description = "Unacknowledged batches allowed per publisher.", DefaultValueFactory = _ => defaults.InFlight };
        Subscribers = new Option<int>("--subscribers") { Description = subscribersDescription, DefaultValueFactory = _ => defaults.Subscribers };
        Topics = new Option<string>("--topics") { Description = "Comma-separated hub topics of tracked subscribers.", DefaultValueFactory = _ => string.Join(',', defaults.Topics) };
        Symbols = new Option<int>("--symbols") { Description = "Coins moving besides RUT, BTC and ETH (taken from the server's universe).", DefaultValueFactory = _ => defaults.Symbols };
        Seed = new Option<int>("--seed") { Description = "Seed of the synthetic market.", DefaultValueFactory = _ => defaults.Seed };
        ServerPid = new Option<int?>("--server-pid") { Description = "Server process id on this machine: its resident memory (VmRSS) and CPU time are reported." };
    }

    public Option<Uri> Url { get; }

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

    public Option<int?> ServerPid { get; }

    public IEnumerable<Option> All => [Url, Key, Transport, Publishers, Rate, Batch, InFlight, Subscribers, Topics, Symbols, Seed, ServerPid];

    /// <summary>The defaults with every shared option the command line gave; the key falls back to <see cref="KeyVariable"/>.</summary>
    public LoadSettings Read(ParseResult result) => _defaults with
    {
        Url = result.GetValue(Url) ?? _defaults.Url,
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
        ServerPid = result.GetValue(ServerPid),
    };

    public static string[] SplitTopics(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
