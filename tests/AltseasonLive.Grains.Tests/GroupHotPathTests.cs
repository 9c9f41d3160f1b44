using System.Collections.Immutable;
using AltseasonLive.Grains.Correlation;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.Grains.Ticks;
using AltseasonLive.Grains.Universe;

namespace AltseasonLive.Grains.Tests;

/// <summary>The plain classes behind the correlation group's and the ingest grain's per-batch work.</summary>
public sealed class GroupHotPathTests
{
    private static readonly CorrelationGroupLayout Layout = new("A",
    [
        new PartnerLayout("B", [2, 3], [CorrelationMode.Returns]),
        new PartnerLayout("C", [2], [CorrelationMode.Levels]),
    ]);

    [Fact]
    public void Banks_hold_only_the_configured_modes_of_each_partner()
    {
        var banks = new CorrelationBanks(Layout);

        Assert.Equal(
            ["A|B|2|Returns", "A|B|3|Returns", "A|C|2|Levels"],
            banks.PairWindows.ToArray().Select(p => p.KeyText));
        Assert.True(banks.TryGetStats(new PairWindowKey("A", "B", 2, CorrelationMode.Returns), out _));
        Assert.False(banks.TryGetStats(new PairWindowKey("A", "B", 2, CorrelationMode.Levels), out _));
        Assert.False(banks.TryGetStats(new PairWindowKey("A", "C", 2, CorrelationMode.Returns), out _));
        Assert.Equal(-1, banks.PartnerIndexOf("A"));
    }

    [Fact]
    public void Live_series_carry_only_the_pair_windows_whose_value_changed()
    {
        var banks = new CorrelationBanks(Layout);
        double[] a = [100, 101, 103, 102, 105];
        double[] b = [50, 52, 51, 53, 56];
        double[] c = [10, 12, 11, 14, 13];
        for (var t = 0; t < a.Length; t++)
        {
            banks.ReviseAnchor(a[t]);
            banks.RevisePartner(banks.PartnerIndexOf("B"), b[t]);
            banks.RevisePartner(banks.PartnerIndexOf("C"), c[t]);
            banks.CommitBar();
        }

        var series = new GroupLiveSeries(banks.PairWindows.Length);
        var first = series.Changes(banks, 1_000, pending: null);
        var repeat = series.Changes(banks, 1_000, pending: null);
        var pending = new PendingPartnerPrices(banks);
        banks.ReviseAnchor(104);
        banks.RevisePartner(banks.PartnerIndexOf("B"), 55);
        pending.Set(banks.PartnerIndexOf("B"), 55);
        var afterTick = series.Changes(banks, 2_000, pending);

        Assert.Equal(["A|B|2|Returns", "A|B|3|Returns", "A|C|2|Levels"], first.Select(u => u.Key));
        Assert.All(first, u => Assert.True(u.BarClosed));
        Assert.Empty(repeat);
        Assert.Equal(3, afterTick.Length);
        Assert.Equal(
            [("A|B|2|Returns", false), ("A|B|3|Returns", false), ("A|C|2|Levels", true)],
            afterTick.Select(u => (u.Key, u.BarClosed)));
        Assert.All(afterTick, u => Assert.Equal(SeriesKind.Correlation, u.Kind));
    }

    [Fact]
    public void Pending_partner_prices_round_trip_to_the_persisted_form_and_clear()
    {
        var banks = new CorrelationBanks(Layout);
        var pending = new PendingPartnerPrices(banks);
        pending.Set(banks.PartnerIndexOf("C"), 12.5);

        var persisted = pending.ToDictionary();
        pending.Clear();

        Assert.Equal(new Dictionary<string, double> { ["C"] = 12.5 }, persisted);
        Assert.Empty(pending.ToDictionary());
    }

    [Fact]
    public void Tick_order_check_flags_a_batch_with_an_older_tick()
    {
        ImmutableArray<Tick> ordered = [new("A", 1, 1), new("B", 1, 1), new("A", 2, 1)];
        ImmutableArray<Tick> unordered = [new("A", 2, 1), new("B", 1, 1)];

        Assert.True(TickOrder.IsByTime(ordered));
        Assert.False(TickOrder.IsByTime(unordered));
        Assert.True(TickOrder.IsByTime([]));
    }
}
