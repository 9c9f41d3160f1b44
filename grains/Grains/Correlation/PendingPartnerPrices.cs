namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// Partner closes of a group's in-progress bar, indexed by partner (layout order) so a tick writes an array slot, not
/// a dictionary entry; turned into the persisted symbol-keyed form only at bar close and state writes.
/// </summary>
public sealed class PendingPartnerPrices(CorrelationBanks banks)
{
    private readonly double[] _price = new double[banks.PartnerCount];
    private readonly bool[] _has = new bool[banks.PartnerCount];

    public int Count => _has.Length;

    public bool Has(int partner) => _has[partner];

    public void Set(int partner, double price) => (_price[partner], _has[partner]) = (price, true);

    public void Clear() => Array.Clear(_has);

    /// <summary>The pending closes by partner symbol (the persisted form).</summary>
    public Dictionary<string, double> ToDictionary()
    {
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var partner = 0; partner < _has.Length; partner++)
        {
            if (_has[partner])
            {
                prices[banks.Layout.Partners[partner].Symbol] = _price[partner];
            }
        }

        return prices;
    }
}
