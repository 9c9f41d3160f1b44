using System.Globalization;
using System.Text.Json;
using AltseasonLive.Feeds.Live.Polling;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Live.Yahoo;

/// <summary>
/// Yahoo Finance chart endpoint for the equity indices (RUT, SPX): each poll publishes every mapped ticker's
/// <c>regularMarketPrice</c> at its <c>regularMarketTime</c>; the daily backfill reads <c>interval=1d</c> closes. A 429
/// waits its Retry-After. The values are delayed (typically 15 minutes or more) and unofficial.
/// </summary>
public sealed class YahooSource : ILiveSource
{
    public const string HttpClientName = "yahoo";

    private readonly YahooOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly ILogger<YahooSource> _logger;

    public YahooSource(IOptions<YahooOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<YahooSource> logger)
    {
        _options = options.Value;
        _http = http;
        _time = time;
        _logger = logger;
        Health = new SourceHealth(Name, _options.Enabled, _options.StaleAfter, time);
    }

    public string Name => TickSources.Yahoo;

    public SourceHealth Health { get; }

    public Task RunAsync(ITickSink sink, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        var loop = new PollingLoop(_options, Health, _time, _logger);
        return loop.RunAsync(async ct =>
        {
            await PollAsync(sink, ct).ConfigureAwait(false);
            return UsMarketHours.IsOpen(_time.GetUtcNow()) ? _options.PollInterval : _options.OffHoursInterval;
        }, cancellationToken);
    }

    /// <summary>One poll of every mapped ticker's latest regular-market price.</summary>
    public async Task PollAsync(ITickSink sink, CancellationToken cancellationToken)
    {
        var ticks = new List<Tick>();
        foreach (var (ticker, symbol) in _options.EffectiveTickers)
        {
            using var chart = await ChartAsync(ticker, "interval=1m&range=1d", cancellationToken).ConfigureAwait(false);
            var meta = Result(chart).GetProperty("meta");
            var price = meta.GetProperty("regularMarketPrice").GetDouble();
            var timeMs = meta.GetProperty("regularMarketTime").GetInt64() * 1000;
            if (double.IsFinite(price) && price > 0)
            {
                ticks.Add(new Tick(symbol, timeMs, price, Source: TickSources.Yahoo));
            }
        }

        await sink.PublishAsync(ticks.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<BackfillReport> BackfillAsync(DateOnly from, DateOnly to, ITickSink sink, CancellationToken cancellationToken)
    {
        var period1 = DayStartMs(from) / 1000;
        var period2 = DayStartMs(to.AddDays(1)) / 1000;
        int symbols = 0, count = 0;
        foreach (var (ticker, symbol) in _options.EffectiveTickers)
        {
            using var chart = await ChartAsync(
                ticker, $"interval=1d&period1={period1.ToString(CultureInfo.InvariantCulture)}&period2={period2.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
            var result = Result(chart);
            if (!result.TryGetProperty("timestamp", out var stamps))
            {
                continue;
            }

            var closes = result.GetProperty("indicators").GetProperty("quote")[0].GetProperty("close");
            var ticks = new List<Tick>();
            for (var i = 0; i < stamps.GetArrayLength() && i < closes.GetArrayLength(); i++)
            {
                if (closes[i].ValueKind != JsonValueKind.Number || closes[i].GetDouble() is not (> 0 and var close))
                {
                    continue;
                }

                // Stamped at the UTC day's start, as the history replay stamps its days.
                var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(stamps[i].GetInt64()).UtcDateTime);
                if (day >= from && day <= to)
                {
                    ticks.Add(new Tick(symbol, DayStartMs(day), close, Source: TickSources.Yahoo));
                }
            }

            if (ticks.Count > 0)
            {
                await sink.PublishAsync(ticks.ToArray(), cancellationToken).ConfigureAwait(false);
                symbols++;
                count += ticks.Count;
            }
        }

        return new BackfillReport(Name, from, to, symbols, count);
    }

    private async Task<JsonDocument> ChartAsync(string ticker, string query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.Url, $"v8/finance/chart/{Uri.EscapeDataString(ticker)}?{query}"));
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        using var response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        RateLimitedException.ThrowIfRateLimited(response, _time);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement Result(JsonDocument chart) => chart.RootElement.GetProperty("chart").GetProperty("result")[0];

    private static long DayStartMs(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
}
