namespace AltseasonLive.Grains.Interfaces.Market;

/// <summary>
/// Relative strength of a symbol against a benchmark (key "RUT|SPX"): counts consecutive sessions (bars) the symbol's
/// return beat the benchmark's and emits streak events. Fed by the two asset grains at each bar close.
/// </summary>
public interface IOutperformanceGrain : IGrainWithStringKey
{
    /// <summary>A bar of <paramref name="symbol"/> starting at <paramref name="barStartMs"/> (UTC epoch ms) closed at <paramref name="close"/>.</summary>
    Task OnBarClosed(string symbol, long barStartMs, double close);

    /// <summary>Current streak length in sessions (0 when the symbol lagged last session).</summary>
    Task<int> GetStreak();

    /// <summary>The streak and which legs have data (with no benchmark bars the streak cannot be checked).</summary>
    Task<OutperformanceSnapshot> GetSnapshot();
}
