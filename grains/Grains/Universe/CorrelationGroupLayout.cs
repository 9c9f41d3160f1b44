using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Universe;

/// <summary>The pairs sharing one anchor: each partner with the windows (bars) and modes watched for it.</summary>
public sealed record CorrelationGroupLayout(string Anchor, IReadOnlyList<PartnerLayout> Partners)
{
    public IEnumerable<PairWindowKey> Keys =>
        Partners.SelectMany(p => p.Modes.SelectMany(m => p.Windows.Select(w => new PairWindowKey(Anchor, p.Symbol, w, m))));

    /// <summary>Longest window of any partner, in bars: how many committed bars must be kept to rebuild the banks.</summary>
    public int MaxWindow => Partners.Count == 0 ? 0 : Partners.Max(p => p.Windows.Max());
}

/// <summary>One partner of a correlation group.</summary>
public sealed record PartnerLayout(string Symbol, IReadOnlyList<int> Windows, IReadOnlyList<CorrelationMode> Modes);
