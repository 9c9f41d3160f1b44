using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Universe;

namespace AltseasonLive.Grains.Ticks;

/// <summary>
/// Sends a batch's feed-supplied composite and dominance ticks (rare: most batches hold none, and then nothing is
/// called or allocated) to the market grain for its consistency check, and maps the verdicts back to batch indexes.
/// </summary>
public sealed class CompositeScreen
{
    private readonly List<int> _indexes = [];
    private TickRejectReason[] _verdicts = [];

    /// <summary>Null when the batch holds no composite tick or all passed; else one verdict per tick of the batch.</summary>
    public async Task<TickRejectReason[]?> ScreenAsync(ImmutableArray<Tick> ticks, UniverseCatalog universe, IMarketGrain market)
    {
        _indexes.Clear();
        for (var i = 0; i < ticks.Length; i++)
        {
            if (ticks[i].Symbol is { } symbol && universe.TryGetAsset(symbol, out var asset)
                && asset.Class is AssetClass.Composite or AssetClass.Dominance)
            {
                _indexes.Add(i);
            }
        }

        if (_indexes.Count == 0)
        {
            return null;
        }

        var composites = ImmutableArray.CreateBuilder<Tick>(_indexes.Count);
        foreach (var i in _indexes)
        {
            composites.Add(ticks[i]);
        }

        var verdicts = await market.CheckComposites(composites.MoveToImmutable());
        if (!verdicts.Any(v => v != TickRejectReason.None))
        {
            return null;
        }

        if (_verdicts.Length < ticks.Length)
        {
            _verdicts = new TickRejectReason[ticks.Length];
        }

        Array.Clear(_verdicts);
        for (var k = 0; k < _indexes.Count; k++)
        {
            _verdicts[_indexes[k]] = verdicts[k];
        }

        return _verdicts;
    }
}
