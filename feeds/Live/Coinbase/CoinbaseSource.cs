using System.Globalization;
using System.Text.Json;
using AltseasonLive.Feeds.Live.Connection;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Live.Coinbase;

/// <summary>
/// Coinbase Advanced Trade market data: subscribes to <c>ticker</c> for the mapped products and to <c>heartbeats</c>
/// (which keep a quiet connection alive), publishes each ticker's price at the message time, and watches
/// <c>sequence_num</c> (one counter per connection over all channels): a gap means lost messages, so it reconnects, and
/// the ticker snapshot that follows every subscribe restores the current prices. It has no daily backfill (Binance's or
/// the bundled history's days are used).
/// </summary>
public sealed class CoinbaseSource : ILiveSource, IStreamProtocol
{
    private readonly CoinbaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CoinbaseSource> _logger;
    private readonly IReadOnlyDictionary<string, string> _products;
    private readonly List<Tick> _batch = [];
    private long _lastSequence = -1;

    public CoinbaseSource(IOptions<CoinbaseOptions> options, TimeProvider time, ILogger<CoinbaseSource> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _products = _options.EffectiveProducts;
        Health = new SourceHealth(Name, _options.Enabled, _options.StaleAfter, time);
    }

    public string Name => TickSources.Coinbase;

    public SourceHealth Health { get; }

    /// <summary>Sequence gaps seen (each one caused a reconnect).</summary>
    public long SequenceGaps { get; private set; }

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
        // A new connection starts its own sequence.
        _lastSequence = -1;
        return
        [
            JsonSerializer.Serialize(new { type = "subscribe", product_ids = _products.Keys.ToArray(), channel = "ticker" }),
            JsonSerializer.Serialize(new { type = "subscribe", channel = "heartbeats" }),
        ];
    }

    public Task<bool> BackfillGapAsync(ITickSink sink, CancellationToken cancellationToken) => Task.FromResult(false);

    public async ValueTask<MessageOutcome> HandleAsync(ReadOnlyMemory<byte> message, ITickSink sink, CancellationToken cancellationToken)
    {
        _batch.Clear();
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            var channel = root.GetProperty("channel").GetString();
            var sequence = root.GetProperty("sequence_num").GetInt64();
            if (_lastSequence >= 0 && sequence > _lastSequence + 1)
            {
                SequenceGaps++;
                _lastSequence = -1;
                return MessageOutcome.Reconnect;
            }

            _lastSequence = sequence;
            if (channel != "ticker")
            {
                return channel is "heartbeats" or "subscriptions" ? MessageOutcome.Control : MessageOutcome.Malformed;
            }

            var timeMs = ParseTime(root.GetProperty("timestamp").GetString());
            foreach (var ev in root.GetProperty("events").EnumerateArray())
            {
                foreach (var ticker in ev.GetProperty("tickers").EnumerateArray())
                {
                    var product = ticker.GetProperty("product_id").GetString() ?? "";
                    var price = double.Parse(ticker.GetProperty("price").GetString() ?? "", NumberStyles.Float, CultureInfo.InvariantCulture);
                    if (_products.TryGetValue(product, out var symbol) && double.IsFinite(price) && price > 0)
                    {
                        _batch.Add(new Tick(symbol, timeMs, price, Source: TickSources.Coinbase));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            return MessageOutcome.Malformed;
        }

        if (_batch.Count > 0)
        {
            await sink.PublishAsync(_batch.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        return MessageOutcome.Data;
    }

    public Task<BackfillReport> BackfillAsync(DateOnly from, DateOnly to, ITickSink sink, CancellationToken cancellationToken) =>
        Task.FromResult(new BackfillReport(Name, from, to, 0, 0, "no daily history from this source"));

    /// <summary>RFC 3339 with up to nanoseconds (more digits than .NET parses): cut to 7 fraction digits.</summary>
    private static long ParseTime(string? text)
    {
        var value = text ?? throw new FormatException("timestamp missing");
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < value.Length && char.IsAsciiDigit(value[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                value = string.Concat(value.AsSpan(0, dot + 8), value.AsSpan(end));
            }
        }

        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
    }
}
