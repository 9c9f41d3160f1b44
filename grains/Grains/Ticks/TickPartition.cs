using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Universe;

namespace AltseasonLive.Grains.Ticks;

/// <summary>
/// Splits a tick batch by symbol in one pass over reused buffers: each known symbol's ticks in batch order, and for
/// each tick the index of its symbol (-1 for symbols the universe does not accept, see <see cref="UniverseCatalog.Accepts"/>). One instance per activation, reused batch after batch;
/// only the per-symbol arrays sent to the asset grains are allocated.
/// </summary>
public sealed class TickPartition
{
    private readonly Dictionary<string, int> _indexBySymbol = new(StringComparer.Ordinal);
    private readonly List<string> _symbols = [];
    private readonly List<ImmutableArray<Tick>.Builder> _ticks = [];
    private int[] _symbolOfTick = [];
    private int[] _cursors = [];
    private int[] _latest = [];
    private TickRejectReason[] _verdicts = [];

    /// <summary>Number of distinct known symbols in the last split batch.</summary>
    public int Symbols => _symbols.Count;

    /// <param name="ticks">The batch.</param>
    /// <param name="universe">Known symbols.</param>
    /// <param name="screened">Verdicts reached before the asset grains (empty, or one per tick): refused ticks are left out like unknown symbols.</param>
    public void Split(ImmutableArray<Tick> ticks, UniverseCatalog universe, ReadOnlySpan<TickRejectReason> screened = default)
    {
        _indexBySymbol.Clear();
        _symbols.Clear();
        if (_symbolOfTick.Length < ticks.Length)
        {
            _symbolOfTick = new int[ticks.Length];
        }

        for (var i = 0; i < ticks.Length; i++)
        {
            var symbol = ticks[i].Symbol;
            if (string.IsNullOrEmpty(symbol) || !universe.Accepts(ticks[i]) || (i < screened.Length && screened[i] != TickRejectReason.None))
            {
                _symbolOfTick[i] = -1;
                continue;
            }

            if (!_indexBySymbol.TryGetValue(symbol, out var g))
            {
                g = _indexBySymbol[symbol] = _symbols.Count;
                _symbols.Add(symbol);
                if (_ticks.Count <= g)
                {
                    _ticks.Add(ImmutableArray.CreateBuilder<Tick>());
                }

                _ticks[g].Clear();
            }

            _symbolOfTick[i] = g;
            _ticks[g].Add(ticks[i]);
        }
    }

    public string SymbolOf(int symbolIndex) => _symbols[symbolIndex];

    /// <summary>The ticks of one symbol, batch order.</summary>
    public ImmutableArray<Tick> TicksOf(int symbolIndex) => _ticks[symbolIndex].ToImmutable();

    /// <summary>Index of the tick's symbol in the last split batch, or -1 when the symbol is unknown.</summary>
    public int SymbolIndexOf(int tick) => _symbolOfTick[tick];

    /// <summary>One zeroed counter per symbol, for walking each symbol's verdicts in batch order.</summary>
    public int[] RentCursors()
    {
        if (_cursors.Length < _symbols.Count)
        {
            _cursors = new int[_symbols.Count];
        }

        Array.Clear(_cursors);
        return _cursors;
    }

    /// <summary>One slot per symbol set to -1, for the batch index of each symbol's latest tick.</summary>
    public int[] RentLatest()
    {
        if (_latest.Length < _symbols.Count)
        {
            _latest = new int[_symbols.Count];
        }

        Array.Fill(_latest, -1);
        return _latest;
    }

    /// <summary>A reused verdict per tick of the batch (at least <paramref name="ticks"/> elements).</summary>
    public TickRejectReason[] RentVerdicts(int ticks)
    {
        if (_verdicts.Length < ticks)
        {
            _verdicts = new TickRejectReason[ticks];
        }

        return _verdicts;
    }
}
