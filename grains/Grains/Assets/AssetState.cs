using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Assets;

/// <summary>Persisted state of an asset grain. Times UTC epoch ms; the current bar is identified by its index (time / bar size).</summary>
[GenerateSerializer]
public sealed class AssetState
{
    [Id(0)] public long LastTimeMs { get; set; }

    [Id(1)] public double? LastPrice { get; set; }

    [Id(2)] public double? MarketCap { get; set; }

    [Id(3)] public double? Supply { get; set; }

    [Id(4)] public bool HasBar { get; set; }

    [Id(5)] public long BarIndex { get; set; }

    [Id(6)] public double BarOpen { get; set; }

    [Id(7)] public double BarHigh { get; set; }

    [Id(8)] public double BarLow { get; set; }

    [Id(9)] public int BarsClosed { get; set; }

    /// <summary>Most recent bar closes, oldest first, enough to rebuild the volatility window.</summary>
    [Id(10)] public List<double> RecentCloses { get; set; } = [];

    [Id(11)] public AllTimeHighTracker AllTimeHigh { get; set; } = new();

    /// <summary>True when <see cref="MarketCap"/> came from a feed rather than from supply x price.</summary>
    [Id(12)] public bool MarketCapSent { get; set; }

    /// <summary>Where the last value came from (see <see cref="TickSources"/>).</summary>
    [Id(13)] public string? Source { get; set; }

    /// <summary>Ingest-log value (<see cref="Durability.LogPosition"/>) of the last call this state includes; 0 outside the ingest log.</summary>
    [Id(14)] public long LogPosition { get; set; }

    public TickRejectReason Validate(in Tick tick, long barSizeMs, long lateToleranceMs, long nowMs, long futureToleranceMs)
    {
        if (!double.IsFinite(tick.Price))
        {
            return TickRejectReason.NonFinitePrice;
        }

        if (tick.Price <= 0)
        {
            return TickRejectReason.NonPositivePrice;
        }

        if ((tick.MarketCap is { } cap && !(double.IsFinite(cap) && cap > 0)) || (tick.Supply is { } supply && !(double.IsFinite(supply) && supply > 0)))
        {
            return TickRejectReason.InvalidMarketCap;
        }

        if (tick.TimeMs <= 0)
        {
            return TickRejectReason.InvalidTimestamp;
        }

        if (tick.TimeMs > nowMs + futureToleranceMs)
        {
            return TickRejectReason.TooFarInFuture;
        }

        return HasBar && tick.TimeMs < (BarIndex * barSizeMs) - lateToleranceMs ? TickRejectReason.TooLate : TickRejectReason.None;
    }
}
