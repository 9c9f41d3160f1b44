using System.Globalization;
using System.Text.Json;
using AltseasonLive.Feeds.Live.Polling;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Feeds.Live.CoinGecko;

/// <summary>
/// CoinGecko REST: every poll reads the top coins of <c>/coins/markets</c> and publishes each mapped coin's price,
/// market cap and circulating supply (the market grain's Altcoin Season Index counts them), then TOTAL, TOTAL2, TOTAL3,
/// BTC.D, ETH.D and USDT.D computed the TradingView way (<see cref="CoinGeckoComposites"/>). <c>/global</c> is read too
/// and kept as <see cref="CrossCheck"/>. A 429 waits its Retry-After. The daily backfill reads
/// <c>/coins/{id}/market_chart</c> for <see cref="BackfillIds"/> (the coins that carry TOTAL and the dominances).
/// </summary>
public sealed class CoinGeckoSource : ILiveSource
{
    public const string HttpClientName = "coingecko";

    /// <summary>Coins whose daily caps are backfilled (CoinGecko's free tier allows about 30 calls a minute).</summary>
    public static readonly IReadOnlyList<string> BackfillIds = [CoinGeckoComposites.BitcoinId, CoinGeckoComposites.EthereumId, CoinGeckoComposites.TetherId];

    private readonly CoinGeckoOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly ILogger<CoinGeckoSource> _logger;
    private readonly IReadOnlyDictionary<string, string> _ids;
    private volatile GlobalCrossCheck? _crossCheck;

    public CoinGeckoSource(IOptions<CoinGeckoOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<CoinGeckoSource> logger)
    {
        _options = options.Value;
        _http = http;
        _time = time;
        _logger = logger;
        _ids = _options.EffectiveIds;
        Health = new SourceHealth(Name, _options.Enabled, _options.StaleAfter, time);
    }

    public string Name => TickSources.CoinGecko;

    public SourceHealth Health { get; }

    /// <summary>The last <c>/global</c> figures, or null before the first.</summary>
    public GlobalCrossCheck? CrossCheck => _crossCheck;

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
            return null;
        }, cancellationToken);
    }

    /// <summary>One poll: markets, composites, then the cross-check (its failure does not fail the poll).</summary>
    public async Task PollAsync(ITickSink sink, CancellationToken cancellationToken)
    {
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var markets = await GetAsync(
            $"coins/markets?vs_currency=usd&order=market_cap_desc&per_page={_options.Coins.ToString(CultureInfo.InvariantCulture)}&page=1",
            cancellationToken).ConfigureAwait(false);
        var caps = new List<(string Id, double MarketCap)>();
        var ticks = new List<Tick>();
        foreach (var coin in markets.RootElement.EnumerateArray())
        {
            var id = coin.GetProperty("id").GetString() ?? "";
            var cap = Number(coin, "market_cap");
            var price = Number(coin, "current_price");
            if (cap is { } c)
            {
                caps.Add((id, c));
            }

            if (_ids.TryGetValue(id, out var symbol) && price is { } p && p > 0)
            {
                var supply = Number(coin, "circulating_supply");
                ticks.Add(new Tick(symbol, TimeOf(coin, nowMs), p, cap > 0 ? cap : null, supply > 0 ? supply : null, TickSources.CoinGecko));
            }
        }

        if (_options.SendComposites && CoinGeckoComposites.Compute(caps, _options.TotalCoins) is { } composite)
        {
            ticks.Add(new Tick("TOTAL", nowMs, composite.Total, Source: TickSources.CoinGecko));
            ticks.Add(new Tick("TOTAL2", nowMs, composite.Total2, Source: TickSources.CoinGecko));
            ticks.Add(new Tick("TOTAL3", nowMs, composite.Total3, Source: TickSources.CoinGecko));
            ticks.Add(new Tick("BTC.D", nowMs, composite.BtcDominance, Source: TickSources.CoinGecko));
            ticks.Add(new Tick("ETH.D", nowMs, composite.EthDominance, Source: TickSources.CoinGecko));
            if (composite.UsdtDominance is { } usdt)
            {
                ticks.Add(new Tick("USDT.D", nowMs, usdt, Source: TickSources.CoinGecko));
            }
        }

        ticks.Sort((a, b) => a.TimeMs.CompareTo(b.TimeMs));
        await sink.PublishAsync(ticks.ToArray(), cancellationToken).ConfigureAwait(false);
        try
        {
            using var global = await GetAsync("global", cancellationToken).ConfigureAwait(false);
            var data = global.RootElement.GetProperty("data");
            var pct = data.GetProperty("market_cap_percentage");
            _crossCheck = new GlobalCrossCheck(
                data.TryGetProperty("total_market_cap", out var tmc) ? Number(tmc, "usd") : null,
                Number(pct, "btc"), Number(pct, "eth"), Number(pct, "usdt"), nowMs);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or RateLimitedException)
        {
            // The cross-check is informative only; the next poll tries again.
        }
    }

    public async Task<BackfillReport> BackfillAsync(DateOnly from, DateOnly to, ITickSink sink, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var days = Math.Max(1, today.DayNumber - from.DayNumber + 1);
        int symbols = 0, count = 0;
        foreach (var id in BackfillIds)
        {
            if (!_ids.TryGetValue(id, out var symbol))
            {
                continue;
            }

            using var chart = await GetAsync($"coins/{id}/market_chart?vs_currency=usd&days={days.ToString(CultureInfo.InvariantCulture)}&interval=daily", cancellationToken).ConfigureAwait(false);
            var prices = chart.RootElement.GetProperty("prices").EnumerateArray().Select(r => (Ms: r[0].GetInt64(), V: r[1].GetDouble())).ToArray();
            var capsByMs = chart.RootElement.GetProperty("market_caps").EnumerateArray().ToDictionary(r => r[0].GetInt64(), r => r[1].GetDouble());
            var ticks = prices
                .Where(p => p.V > 0 && DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(p.Ms).UtcDateTime) is var d && d >= from && d <= to)
                .Select(p => new Tick(symbol, p.Ms, p.V, capsByMs.TryGetValue(p.Ms, out var cap) && cap > 0 ? cap : null, Source: TickSources.CoinGecko))
                .ToArray();
            if (ticks.Length > 0)
            {
                await sink.PublishAsync(ticks, cancellationToken).ConfigureAwait(false);
                symbols++;
                count += ticks.Length;
            }
        }

        return new BackfillReport(Name, from, to, symbols, count);
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_options.Url, path));
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            request.Headers.Add("x-cg-demo-api-key", _options.ApiKey);
        }

        using var response = await _http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        RateLimitedException.ThrowIfRateLimited(response, _time);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && double.IsFinite(d) ? d : null;

    private static long TimeOf(JsonElement coin, long fallbackMs) =>
        coin.TryGetProperty("last_updated", out var t) && t.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Math.Min(at.ToUnixTimeMilliseconds(), fallbackMs)
            : fallbackMs;
}
