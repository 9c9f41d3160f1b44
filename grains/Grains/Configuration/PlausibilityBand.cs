namespace AltseasonLive.Grains.Configuration;

/// <summary>
/// Bounds of one asset class (configuration <c>Plausibility:&lt;Class&gt;</c>). Prices in the asset's unit (USD, index
/// points, percent for dominance), market caps in USD, supplies in units. <see cref="MaxMoveFactor"/> is the largest
/// ratio between a value and the symbol's last accepted one (10 allows a tenfold rise or a fall to a tenth per tick).
/// </summary>
public sealed class PlausibilityBand
{
    public double MinPrice { get; set; } = 1e-12;

    public double MaxPrice { get; set; } = 1e8;

    public double MinMarketCap { get; set; } = 1;

    public double MaxMarketCap { get; set; } = 1e14;

    public double MinSupply { get; set; } = 1;

    public double MaxSupply { get; set; } = 1e18;

    public double MaxMoveFactor { get; set; } = 100;

    /// <summary>Problems with the configured values, each naming its key under <paramref name="section"/>.</summary>
    public IEnumerable<string> Problems(string section)
    {
        foreach (var (name, min, max) in new[]
                 {
                     (nameof(MinPrice), MinPrice, MaxPrice),
                     (nameof(MinMarketCap), MinMarketCap, MaxMarketCap),
                     (nameof(MinSupply), MinSupply, MaxSupply),
                 })
        {
            if (!(min > 0 && double.IsFinite(max) && min < max))
            {
                yield return $"{section}:{name} must be positive and below {section}:{name.Replace("Min", "Max", StringComparison.Ordinal)}, which must be finite.";
            }
        }

        if (!(MaxMoveFactor > 1 && double.IsFinite(MaxMoveFactor)))
        {
            yield return $"{section}:{nameof(MaxMoveFactor)} must be a finite number above 1.";
        }
    }
}
