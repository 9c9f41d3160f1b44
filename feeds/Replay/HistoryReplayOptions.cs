
namespace AltseasonLive.Feeds.Replay;

/// <summary>
/// What a <see cref="HistoryReplay"/> sends. <see cref="From"/>/<see cref="To"/> are inclusive (null: from the first
/// crypto day, 2017-07-14, to the last bundled day). <see cref="Symbols"/> null sends every series and coin (see
/// <see cref="HistoryReplay.DefaultSeries"/>); otherwise only the listed symbols.
/// </summary>
public sealed record HistoryReplayOptions
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public ReplayPace Pace { get; init; } = ReplayPace.AsFastAsPossible;

    /// <summary>Include the per-coin ticks (price + market cap) of ordinary coins from the coin panel.</summary>
    public bool IncludeCoins { get; init; } = true;

    public IReadOnlySet<string>? Symbols { get; init; }

    /// <summary>The default start: the first day TOTAL3, BTC.D and ETH.D all exist.</summary>
    public static DateOnly DefaultFrom { get; } = new(2017, 7, 14);

    internal bool Wants(string symbol) => Symbols is null || Symbols.Contains(symbol);

}
