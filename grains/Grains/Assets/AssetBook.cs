using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Statistics;

namespace AltseasonLive.Grains.Assets;

/// <summary>
/// One symbol's rules over its <see cref="AssetState"/>: which ticks it takes (its own symbol, a known or
/// market-capped coin, within the bar window and the silo clock's future tolerance, plausible), and what a taken tick
/// changes: bars of the configured size, last price, market cap (the feed's, else price x supply) and the volatility of
/// bar returns. Plain code, no grain or I/O; nothing allocates per tick.
/// </summary>
public sealed class AssetBook
{
    private readonly AssetOptions _asset;
    private readonly bool _listed;
    private readonly bool _unlistedCoin;
    private readonly long _barSizeMs;
    private readonly long _lateToleranceMs;
    private readonly long _futureToleranceMs;
    private readonly TickPlausibility _plausibility;

    /// <param name="asset">The universe's entry, or a bare one for an unlisted symbol.</param>
    /// <param name="listed">Whether the symbol is in the universe.</param>
    /// <param name="unlistedCoin">Whether an unlisted symbol is configured as a coin.</param>
    /// <param name="bars">Bar size, late and future tolerances, volatility window.</param>
    /// <param name="band">The symbol's class's plausibility bounds.</param>
    public AssetBook(AssetOptions asset, bool listed, bool unlistedCoin, BarOptions bars, PlausibilityBand band)
    {
        _asset = asset;
        _listed = listed;
        _unlistedCoin = unlistedCoin;
        _barSizeMs = (long)bars.BarSize.TotalMilliseconds;
        _lateToleranceMs = (long)bars.LateTolerance.TotalMilliseconds;
        _futureToleranceMs = (long)bars.FutureTolerance.TotalMilliseconds;
        _plausibility = new TickPlausibility(band);
        Volatility = new RollingVolatility(bars.VolatilityWindow);
    }

    /// <summary>Volatility of the bar closes, the in-progress bar included.</summary>
    public RollingVolatility Volatility { get; }

    public long BarSizeMs => _barSizeMs;

    /// <summary>Rebuilds the volatility from a loaded state's recent closes and live price.</summary>
    public void Restore(AssetState state)
    {
        foreach (var close in state.RecentCloses)
        {
            Volatility.Add(close);
        }

        if (state.HasBar && state.LastPrice is { } live)
        {
            Volatility.Revise(live);
        }
    }

    /// <summary>Why <paramref name="tick"/> is refused, or <see cref="TickRejectReason.None"/>; <paramref name="nowMs"/> is the silo clock, UTC epoch ms.</summary>
    public TickRejectReason Check(AssetState state, in Tick tick, long nowMs)
    {
        // An unlisted symbol is a coin once a tick brought its market cap (or it is a configured coin); before, unknown
        // (the ingest grain already refuses such ticks; this keeps the rule where the state is).
        var verdict = tick.Symbol != _asset.Symbol || (!_listed && tick.MarketCap is null && !state.HasBar && !_unlistedCoin)
            ? TickRejectReason.UnknownSymbol
            : state.Validate(tick, _barSizeMs, _lateToleranceMs, nowMs, _futureToleranceMs);
        return verdict == TickRejectReason.None
            ? _plausibility.Check(tick, state.LastPrice, state.MarketCapSent ? state.MarketCap : null, state.Supply, _asset.Supply)
            : verdict;
    }

    /// <summary>Applies an accepted tick; a bar it closes is added to <paramref name="closes"/> (bar start UTC epoch ms, close).</summary>
    public void Apply(AssetState state, in Tick tick, List<(long BarStartMs, double Close)> closes)
    {
        var bar = BarClock.IndexOf(tick.TimeMs, _barSizeMs);
        if (state.HasBar && bar > state.BarIndex && state.LastPrice is { } close)
        {
            closes.Add((BarClock.StartOf(state.BarIndex, _barSizeMs), close));
            state.BarsClosed++;
            state.RecentCloses.Add(close);
            if (state.RecentCloses.Count > Volatility.Window + 1)
            {
                state.RecentCloses.RemoveAt(0);
            }

            Volatility.Commit();
        }

        if (!state.HasBar || bar > state.BarIndex)
        {
            state.HasBar = true;
            state.BarIndex = bar;
            state.BarOpen = state.BarHigh = state.BarLow = tick.Price;
        }
        else
        {
            state.BarHigh = Math.Max(state.BarHigh, tick.Price);
            state.BarLow = Math.Min(state.BarLow, tick.Price);
        }

        if (tick.TimeMs >= state.LastTimeMs)
        {
            state.LastTimeMs = tick.TimeMs;
            state.LastPrice = tick.Price;
            state.Source = tick.Source ?? TickSources.Publisher;
            Volatility.Revise(tick.Price);
        }

        if (tick.Supply is { } supply)
        {
            state.Supply = supply;
        }

        state.MarketCap = tick.MarketCap ?? (state.Supply ?? _asset.Supply) * state.LastPrice;
        state.MarketCapSent = tick.MarketCap is not null;
    }
}
