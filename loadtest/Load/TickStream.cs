using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// One publisher's share of a <see cref="SyntheticFeed"/>: every publisher runs the same seeded model (so prices agree)
/// and keeps the symbols whose index modulo <c>shareCount</c> is its <c>share</c>. The model advances a fixed
/// <see cref="ModelStepMs"/> per step, independent of wall time; each tick is stamped with the send time (UTC epoch ms)
/// so subscribers can measure tick-to-client latency.
/// </summary>
public sealed class TickStream
{
    /// <summary>Model time per step, in ms: prices move every step however many steps a millisecond holds.</summary>
    public const long ModelStepMs = 100;

    private readonly SyntheticFeed _feed;
    private readonly Tick[] _step;
    private readonly Tick[] _kept;
    private readonly bool[] _mine;
    private int _keptCount;
    private int _keptNext;
    private long _modelMs;

    /// <param name="start">The model's legs.</param>
    /// <param name="publishable">Symbols the server accepts from feeds; other feed outputs (composites, dominances) are dropped.</param>
    /// <param name="seed">Model seed, the same for every share.</param>
    /// <param name="share">This publisher's index.</param>
    /// <param name="shareCount">Number of publishers.</param>
    public TickStream(SyntheticStart start, IReadOnlySet<string> publishable, int seed, int share, int shareCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shareCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(share, shareCount);
        _feed = new SyntheticFeed(new SyntheticFeedOptions { Seed = seed }, start);
        _step = new Tick[_feed.TicksPerStep];
        _kept = new Tick[_feed.TicksPerStep];
        _modelMs = 0;
        _feed.Fill(_step, _modelMs);
        _mine = new bool[_step.Length];
        var index = 0;
        var symbols = new List<string>();
        for (var i = 0; i < _step.Length; i++)
        {
            if (!publishable.Contains(_step[i].Symbol))
            {
                continue;
            }

            _mine[i] = index % shareCount == share;
            if (_mine[i])
            {
                symbols.Add(_step[i].Symbol);
            }

            index++;
        }

        Symbols = symbols;
    }

    /// <summary>The symbols this share publishes (empty when there are more publishers than symbols).</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>Model steps taken.</summary>
    public long Steps => _feed.Steps;

    public SyntheticRegime Regime => _feed.Regime;

    /// <summary>Fills <paramref name="destination"/> completely with this share's next ticks, stamped <paramref name="nowMs"/>.</summary>
    public void Next(Span<Tick> destination, long nowMs)
    {
        if (Symbols.Count == 0)
        {
            throw new InvalidOperationException("This share has no symbols to publish.");
        }

        for (var k = 0; k < destination.Length; k++)
        {
            if (_keptNext == _keptCount)
            {
                Advance();
            }

            destination[k] = _kept[_keptNext++] with { TimeMs = nowMs };
        }
    }

    private void Advance()
    {
        _modelMs += ModelStepMs;
        var n = _feed.Fill(_step, _modelMs);
        _keptCount = 0;
        _keptNext = 0;
        for (var i = 0; i < n; i++)
        {
            if (_mine[i])
            {
                _kept[_keptCount++] = _step[i];
            }
        }
    }
}
