using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Universe;
using AltseasonLive.Statistics;
using StatMode = AltseasonLive.Statistics.CorrelationMode;

namespace AltseasonLive.Grains.Correlation;

/// <summary>
/// The <see cref="CorrelationBank"/>s of one anchor, one per configured mode only (a Returns-only universe builds no
/// Levels bank), and the slot of every pair-window in them. Partners are addressed by index (layout order) so the
/// per-tick path does one lookup per tick; pair-windows are listed in layout order (partner, mode, window) with their
/// grain key strings built once.
/// </summary>
public sealed class CorrelationBanks
{
    private readonly CorrelationBank? _returns;
    private readonly CorrelationBank? _levels;
    private readonly Dictionary<string, int> _partnerIndex = new(StringComparer.Ordinal);
    private readonly int[][] _returnsSlots;
    private readonly int[][] _levelsSlots;
    private readonly Dictionary<PairWindowKey, int> _pairWindowByKey = [];
    private readonly PairWindowSlot[] _pairWindows;
    private readonly int[] _partnerFirstPairWindow;

    public CorrelationBanks(CorrelationGroupLayout layout)
    {
        Layout = layout;
        var partners = layout.Partners;
        _returnsSlots = new int[partners.Count][];
        _levelsSlots = new int[partners.Count][];
        _partnerFirstPairWindow = new int[partners.Count + 1];
        var pairWindows = new List<PairWindowSlot>();
        for (var p = 0; p < partners.Count; p++)
        {
            var partner = partners[p];
            _partnerIndex[partner.Symbol] = p;
            _partnerFirstPairWindow[p] = pairWindows.Count;
            _returnsSlots[p] = [];
            _levelsSlots[p] = [];
            foreach (var mode in partner.Modes)
            {
                var bank = mode == Interfaces.Correlation.CorrelationMode.Returns
                    ? _returns ??= new CorrelationBank(StatMode.Returns)
                    : _levels ??= new CorrelationBank(StatMode.Levels);
                var slots = new int[partner.Windows.Count];
                for (var i = 0; i < slots.Length; i++)
                {
                    slots[i] = bank.AddWindow(partner.Windows[i]);
                    var key = new PairWindowKey(layout.Anchor, partner.Symbol, partner.Windows[i], mode);
                    _pairWindowByKey[key] = pairWindows.Count;
                    pairWindows.Add(new PairWindowSlot(key, key.ToString(), p, pairWindows.Count - i, slots.Length, bank, slots[i]));
                }

                if (mode == Interfaces.Correlation.CorrelationMode.Returns)
                {
                    _returnsSlots[p] = slots;
                }
                else
                {
                    _levelsSlots[p] = slots;
                }
            }
        }

        _partnerFirstPairWindow[partners.Count] = pairWindows.Count;
        _pairWindows = [.. pairWindows];
    }

    public CorrelationGroupLayout Layout { get; }

    /// <summary>Every pair-window of the group in layout order; an index into it is a pair-window index.</summary>
    public ReadOnlySpan<PairWindowSlot> PairWindows => _pairWindows;

    public int PartnerCount => _returnsSlots.Length;

    /// <summary>The consecutive pair-window indexes of <paramref name="partner"/> (all its modes and windows).</summary>
    public Range PairWindowsOf(int partner) => _partnerFirstPairWindow[partner].._partnerFirstPairWindow[partner + 1];

    /// <summary>Index of <paramref name="symbol"/> among the partners (layout order), or -1.</summary>
    public int PartnerIndexOf(string symbol) => _partnerIndex.GetValueOrDefault(symbol, -1);

    public void ReviseAnchor(double price)
    {
        _returns?.ReviseA(price);
        _levels?.ReviseA(price);
    }

    public void RevisePartner(int partner, double price)
    {
        if (_returns is { } returns)
        {
            foreach (var slot in _returnsSlots[partner])
            {
                returns.ReviseB(slot, price);
            }
        }

        if (_levels is { } levels)
        {
            foreach (var slot in _levelsSlots[partner])
            {
                levels.ReviseB(slot, price);
            }
        }
    }

    /// <summary>Revises the partners among <paramref name="prices"/> (others are skipped) and records them in <paramref name="pending"/> if given.</summary>
    public void RevisePartners(IReadOnlyDictionary<string, double> prices, PendingPartnerPrices? pending)
    {
        foreach (var (symbol, price) in prices)
        {
            if (PartnerIndexOf(symbol) is var partner and >= 0)
            {
                RevisePartner(partner, price);
                pending?.Set(partner, price);
            }
        }
    }

    public void CommitBar()
    {
        _returns?.CommitBar();
        _levels?.CommitBar();
    }

    public CorrelationStats GetStats(int pairWindow)
    {
        ref readonly var pw = ref _pairWindows[pairWindow];
        return pw.Bank.GetStats(pw.Slot);
    }

    /// <summary>The live correlation of <paramref name="pairWindow"/>, NaN where <see cref="GetStats"/> has none; no other statistics computed.</summary>
    public double CorrelationOf(int pairWindow)
    {
        ref readonly var pw = ref _pairWindows[pairWindow];
        return pw.Bank.CorrelationOf(pw.Slot);
    }

    public bool TryGetStats(PairWindowKey key, out CorrelationStats stats)
    {
        if (!_pairWindowByKey.TryGetValue(key, out var pairWindow))
        {
            stats = default;
            return false;
        }

        stats = GetStats(pairWindow);
        return true;
    }
}

/// <summary>
/// One pair-window of a group: its key and grain key string, its partner's index, the pair-window indexes of the same
/// partner and mode (<see cref="SiblingStart"/>, <see cref="SiblingCount"/> consecutive entries, itself included) and
/// its slot in its mode's bank.
/// </summary>
public readonly record struct PairWindowSlot(PairWindowKey Key, string KeyText, int Partner, int SiblingStart, int SiblingCount, CorrelationBank Bank, int Slot);
