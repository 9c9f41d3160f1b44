using System.Globalization;
using System.Text.Json;
using AltseasonLive.Feeds.Live.Connection;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Live.Binance;

/// <summary>
/// Binance spot: one combined stream of <c>&lt;symbol&gt;@kline_1m</c> for the mapped USDT pairs, subscribed with
/// SUBSCRIBE messages after every connect. Each kline update becomes one tick (close price, event time). A
/// <c>serverShutdown</c> event renews the connection; after a reconnect the missed 1-minute klines of every symbol come
/// from REST <c>GET /api/v3/klines</c>, from the open time of the last bar seen, so no bar is lost. The daily backfill
/// reads 1-day klines.
/// </summary>
public sealed partial class BinanceSource : ILiveSource, IStreamProtocol
{
    /// <summary>Name of the <see cref="HttpClient"/> this source uses (registered with a resilience handler).</summary>
    public const string HttpClientName = "binance";

    private readonly BinanceOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly ILogger<BinanceSource> _logger;
    private readonly IReadOnlyDictionary<string, string> _symbols;
    private readonly Dictionary<string, long> _lastOpenMs = new(StringComparer.Ordinal);
    private readonly Tick[] _one = new Tick[1];

    public BinanceSource(IOptions<BinanceOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<BinanceSource> logger)
    {
        _options = options.Value;
        _http = http;
        _time = time;
        _logger = logger;
        _symbols = _options.EffectiveSymbols.ToDictionary(p => p.Key.ToUpperInvariant(), p => p.Value, StringComparer.Ordinal);
        Health = new SourceHealth(Name, _options.Enabled, _options.StaleAfter, time);
    }

    public string Name => TickSources.Binance;

    public SourceHealth Health { get; }

    public Task RunAsync(ITickSink sink, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        var connection = new StreamConnection(_options.WebSocketUrl, this, _options, Health, _time, _logger);
        return connection.RunAsync(sink, cancellationToken);
    }

    public IReadOnlyList<string> SubscribeMessages()
    {
        var streams = _symbols.Keys.Select(s => s.ToLowerInvariant() + "@kline_1m").ToArray();
        var messages = new List<string>();
        for (var i = 0; i < streams.Length; i += _options.StreamsPerSubscribe)
        {
            var chunk = streams.Skip(i).Take(_options.StreamsPerSubscribe);
            messages.Add(JsonSerializer.Serialize(new { method = "SUBSCRIBE", @params = chunk, id = messages.Count + 1 }));
        }

        return messages;
    }

    public ValueTask<MessageOutcome> HandleAsync(ReadOnlyMemory<byte> message, ITickSink sink, CancellationToken cancellationToken)
    {
        Tick tick;
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ValueTask.FromResult(MessageOutcome.Malformed);
            }

            if (root.TryGetProperty("event", out var ev) && IsEvent(ev, "serverShutdown"))
            {
                return ValueTask.FromResult(MessageOutcome.Reconnect);
            }

            if (root.TryGetProperty("id", out _) && root.TryGetProperty("result", out _))
            {
                return ValueTask.FromResult(MessageOutcome.Control);
            }

            var data = root.TryGetProperty("data", out var d) ? d : root;
            if (IsEvent(data, "serverShutdown"))
            {
                return ValueTask.FromResult(MessageOutcome.Reconnect);
            }

            if (!IsEvent(data, "kline") || !data.TryGetProperty("k", out var k))
            {
                return ValueTask.FromResult(MessageOutcome.Malformed);
            }

            var symbol = k.GetProperty("s").GetString() ?? "";
            var close = ParsePrice(k.GetProperty("c"));
            var eventMs = data.GetProperty("E").GetInt64();
            var openMs = k.GetProperty("t").GetInt64();
            if (!_symbols.TryGetValue(symbol, out var product))
            {
                return ValueTask.FromResult(MessageOutcome.Control);
            }

            _lastOpenMs[symbol] = openMs;
            tick = new Tick(product, eventMs, close, Source: TickSources.Binance);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            return ValueTask.FromResult(MessageOutcome.Malformed);
        }

        return PublishAsync(tick, sink, cancellationToken);
    }

    private async ValueTask<MessageOutcome> PublishAsync(Tick tick, ITickSink sink, CancellationToken cancellationToken)
    {
        _one[0] = tick;
        await sink.PublishAsync(_one, cancellationToken).ConfigureAwait(false);
        return MessageOutcome.Data;
    }

    public async Task<bool> BackfillGapAsync(ITickSink sink, CancellationToken cancellationToken)
    {
        var filled = false;
        foreach (var (symbol, lastOpen) in _lastOpenMs.ToArray())
        {
            var klines = await KlinesAsync(symbol, "1m", lastOpen, null, cancellationToken).ConfigureAwait(false);
            if (klines.Count == 0)
            {
                continue;
            }

            var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var ticks = klines.Select(b => new Tick(_symbols[symbol], Math.Min(b.CloseMs, nowMs), b.Close, Source: TickSources.Binance)).ToArray();
            await sink.PublishAsync(ticks, cancellationToken).ConfigureAwait(false);
            _lastOpenMs[symbol] = klines[^1].OpenMs;
            filled = true;
            LogGapFilled(symbol, klines.Count, lastOpen);
        }

        return filled;
    }

    public async Task<BackfillReport> BackfillAsync(DateOnly from, DateOnly to, ITickSink sink, CancellationToken cancellationToken)
    {
        var fromMs = DayStartMs(from);
        var toMs = DayStartMs(to.AddDays(1)) - 1;
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        int symbols = 0, count = 0;
        foreach (var (symbol, product) in _symbols)
        {
            var days = await KlinesAsync(symbol, "1d", fromMs, toMs, cancellationToken).ConfigureAwait(false);
            if (days.Count == 0)
            {
                continue;
            }

            // Closed days at their open (as the history replay stamps them); today's bar at now.
            var ticks = days.Select(b => new Tick(product, b.CloseMs < nowMs ? b.OpenMs : nowMs, b.Close, Source: TickSources.Binance)).ToArray();
            await sink.PublishAsync(ticks, cancellationToken).ConfigureAwait(false);
            symbols++;
            count += ticks.Length;
        }

        return new BackfillReport(Name, from, to, symbols, count);
    }

    private async Task<List<Kline>> KlinesAsync(string symbol, string interval, long startMs, long? endMs, CancellationToken cancellationToken)
    {
        var query = $"api/v3/klines?symbol={symbol}&interval={interval}&startTime={startMs.ToString(CultureInfo.InvariantCulture)}&limit=1000"
            + (endMs is { } end ? $"&endTime={end.ToString(CultureInfo.InvariantCulture)}" : "");
        var client = _http.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(_options.RestUrl, query), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var bars = new List<Kline>();
        foreach (var row in document.RootElement.EnumerateArray())
        {
            bars.Add(new Kline(row[0].GetInt64(), ParsePrice(row[4]), row[6].GetInt64()));
        }

        return bars;
    }

    private static bool IsEvent(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("e", out var e)
        && e.ValueKind == JsonValueKind.String && e.ValueEquals(name);

    private static double ParsePrice(JsonElement value)
    {
        var price = value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : double.Parse(value.GetString() ?? "", NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(price) && price > 0 ? price : throw new FormatException("price must be positive and finite");
    }

    private static long DayStartMs(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly record struct Kline(long OpenMs, double Close, long CloseMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "binance: backfilled {Bars} 1-minute klines of {Symbol} from open time {FromMs} after a reconnect")]
    private partial void LogGapFilled(string symbol, int bars, long fromMs);
}
