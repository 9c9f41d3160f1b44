using AltseasonLive.Grains.Interfaces.Correlation;

namespace AltseasonLive.Grains.Configuration;

/// <summary>A watched pair: <see cref="Anchor"/> is leg A (the correlation group's key). Empty windows/modes use the universe defaults.</summary>
public sealed class PairOptions
{
    public string Anchor { get; set; } = "";

    public string Partner { get; set; } = "";

    /// <summary>Window lengths in bars.</summary>
    public List<int> Windows { get; set; } = [];

    public List<CorrelationMode> Modes { get; set; } = [];
}
