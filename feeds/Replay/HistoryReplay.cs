using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.History;
using AltseasonLive.History.Coins;

namespace AltseasonLive.Feeds.Replay;

/// <summary>
/// Feeds the bundled daily history to an <see cref="ITickSink"/>, one batch per day, at the configured
/// <see cref="ReplayPace"/>. Series ticks carry the close as price; BTC and ETH also carry their market cap (USD), and
/// ordinary coins from the coin panel their price and market cap. Waits are scheduled from the start, so pacing does
/// not drift with publish time.
/// </summary>
public sealed class HistoryReplay
{
    /// <summary>
    /// The aggregate series sent each day they have a value (symbols as in <see cref="HistorySymbols"/>). TOTAL and
    /// TOTAL2 are sent too, so that the grains correlate the same TOTAL2 the <c>correlate</c> CLI does rather than one
    /// summed from the listed coins' caps.
    /// </summary>
    public static IReadOnlyList<string> DefaultSeries { get; } =
    [
        HistorySymbols.Rut, HistorySymbols.Total, HistorySymbols.Total2, HistorySymbols.Total3, HistorySymbols.BtcDominance,
        HistorySymbols.EthDominance, HistorySymbols.UsdtDominance, HistorySymbols.Btc, HistorySymbols.Eth,
    ];

    private readonly BundledHistory _history;
    private readonly HistoryReplayOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<IReadOnlyList<ReplayDay>> _days;

    public HistoryReplay(BundledHistory history, HistoryReplayOptions options, TimeProvider? time = null)
    {
        _history = history;
        _options = options;
        _time = time ?? TimeProvider.System;
        _days = new Lazy<IReadOnlyList<ReplayDay>>(BuildDays);
    }

    /// <summary>The batches the replay sends, in date order (built on first use).</summary>
    public IReadOnlyList<ReplayDay> Days => _days.Value;

    /// <summary>Publishes every day to <paramref name="sink"/>, waiting per the pace; returns the number of ticks sent.</summary>
    public async Task<long> RunAsync(ITickSink sink, IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var days = Days;
        var started = _time.GetTimestamp();
        var due = TimeSpan.Zero;
        long sent = 0;
        for (var i = 0; i < days.Count; i++)
        {
            if (i > 0)
            {
                due += _options.Pace.DelayBetween(days[i - 1].Date, days[i].Date);
                var wait = due - _time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            await sink.PublishAsync(days[i].Ticks, cancellationToken).ConfigureAwait(false);
            sent += days[i].Ticks.Length;
            progress?.Report(new ReplayProgress(days[i].Date, i + 1, days.Count, sent));
        }

        return sent;
    }

    private IReadOnlyList<ReplayDay> BuildDays()
    {
        var from = _options.From ?? HistoryReplayOptions.DefaultFrom;
        var to = _options.To ?? DateOnly.MaxValue;
        var byDate = new SortedDictionary<DateOnly, List<Tick>>();

        void Add(DateOnly date, Tick tick)
        {
            if (date < from || date > to)
            {
                return;
            }

            if (!byDate.TryGetValue(date, out var list))
            {
                byDate[date] = list = [];
            }

            list.Add(tick);
        }

        foreach (var symbol in DefaultSeries.Where(_options.Wants))
        {
            var series = _history.Series(symbol);
            var cap = symbol switch
            {
                HistorySymbols.Btc => _history.Series(HistorySymbols.BtcMarketCap),
                HistorySymbols.Eth => _history.Series(HistorySymbols.EthMarketCap),
                _ => null,
            };
            foreach (var point in series.Points)
            {
                double? marketCap = cap is not null && cap.TryGetClose(point.Date, out var c) && c > 0 ? c : null;
                Add(point.Date, new Tick(symbol, ReplayDay.TimeMsOf(point.Date), point.Close, marketCap, Source: TickSources.History));
            }
        }

        if (_options.IncludeCoins)
        {
            foreach (var coin in _history.Coins.Coins.OrderBy(c => c.Symbol, StringComparer.Ordinal))
            {
                if (coin.Class != CoinClass.Coin || DefaultSeries.Contains(coin.Symbol) || !_options.Wants(coin.Symbol))
                {
                    continue;
                }

                foreach (var day in coin.Days)
                {
                    Add(day.Date, new Tick(coin.Symbol, ReplayDay.TimeMsOf(day.Date), day.Price, day.MarketCap, Source: TickSources.History));
                }
            }
        }

        return byDate.Select(kv => new ReplayDay(kv.Key, kv.Value.ToArray())).ToArray();
    }
}
