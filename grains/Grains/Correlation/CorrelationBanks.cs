using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Universe;
using AltseasonLive.Statistics;
using StatMode = AltseasonLive.Statistics.CorrelationMode;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// The two <see cref="CorrelationBank"/>s (Returns, Levels) of one anchor and the slot of every pair-window in them.
/// A partner's windows occupy consecutive slots; a tick on the anchor revises every slot in one pass per bank.
/// </summary>
public sealed class CorrelationBanks
{
    private readonly CorrelationBank _returns = new(StatMode.Returns);
    private readonly CorrelationBank _levels = new(StatMode.Levels);
    private readonly Dictionary<string, int[]> _slotsByPartner = new(StringComparer.Ordinal);
    private readonly Dictionary<PairWindowKey, int> _slotByKey = [];

    public CorrelationBanks(CorrelationGroupLayout layout)
    {
        Layout = layout;
        foreach (var partner in layout.Partners)
        {
            var slots = new int[partner.Windows.Count];
            for (var i = 0; i < partner.Windows.Count; i++)
            {
                slots[i] = _returns.AddWindow(partner.Windows[i]);
                _levels.AddWindow(partner.Windows[i]);
                foreach (var mode in partner.Modes)
                {
                    _slotByKey[new PairWindowKey(layout.Anchor, partner.Symbol, partner.Windows[i], mode)] = slots[i];
                }
            }

            _slotsByPartner[partner.Symbol] = slots;
        }
    }

    public CorrelationGroupLayout Layout { get; }

    public IEnumerable<PairWindowKey> Keys => _slotByKey.Keys;

    public bool IsPartner(string symbol) => _slotsByPartner.ContainsKey(symbol);

    public void ReviseAnchor(double price)
    {
        _returns.ReviseA(price);
        _levels.ReviseA(price);
    }

    public void RevisePartner(string symbol, double price)
    {
        foreach (var slot in _slotsByPartner[symbol])
        {
            _returns.ReviseB(slot, price);
            _levels.ReviseB(slot, price);
        }
    }

    public void CommitBar()
    {
        _returns.CommitBar();
        _levels.CommitBar();
    }

    public bool TryGetStats(PairWindowKey key, out CorrelationStats stats)
    {
        if (!_slotByKey.TryGetValue(key, out var slot))
        {
            stats = default;
            return false;
        }

        stats = (key.Mode == Interfaces.Correlation.CorrelationMode.Returns ? _returns : _levels).GetStats(slot);
        return true;
    }
}
