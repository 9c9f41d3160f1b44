using System.Text.Json;
using AltseasonLive.Feeds.Synthetic;
using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.LoadTest.Load;

namespace AltseasonLive.LoadTest.Tests;

public sealed class TickStreamTests
{
    private static readonly SyntheticStart Start = new(
        2600,
        new SyntheticAsset("BTC", 90_000),
        new SyntheticAsset("ETH", 3_000),
        [new SyntheticAsset("SOL", 130), new SyntheticAsset("XRP", 2), new SyntheticAsset("ADA", 0.4)],
        7.5e11,
        1.8e11);

    private static readonly HashSet<string> Publishable = ["RUT", "BTC", "ETH", "SOL", "XRP", "ADA"];

    [Fact]
    public void Shares_split_the_publishable_symbols_without_overlap()
    {
        var shares = Enumerable.Range(0, 4).Select(i => new TickStream(Start, Publishable, 7, i, 4)).ToList();

        var all = shares.SelectMany(s => s.Symbols).ToList();
        Assert.Equal(Publishable.Order(), all.Order());
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Ticks_carry_the_send_time_and_only_the_share_symbols()
    {
        var stream = new TickStream(Start, Publishable, 7, 1, 2);
        var ticks = new Tick[50];

        stream.Next(ticks, 1_700_000_000_123);

        Assert.All(ticks, t =>
        {
            Assert.Equal(1_700_000_000_123, t.TimeMs);
            Assert.Contains(t.Symbol, stream.Symbols);
            Assert.True(t.Price > 0);
        });
        Assert.True(stream.Steps > 1);
    }

    [Fact]
    public void Same_seed_gives_the_same_prices_in_every_share()
    {
        var a = new TickStream(Start, Publishable, 11, 0, 1);
        var b = new TickStream(Start, Publishable, 11, 0, 1);
        var ta = new Tick[60];
        var tb = new Tick[60];

        a.Next(ta, 1);
        b.Next(tb, 2);

        Assert.Equal(ta.Select(t => (t.Symbol, t.Price)), tb.Select(t => (t.Symbol, t.Price)));
        Assert.NotEqual(ta[0].Price, ta[Publishable.Count].Price);
    }

    [Fact]
    public void Json_writer_emits_the_ingestion_array_shape()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        Tick[] ticks = [new("BTC", 1_700_000_000_000, 90_000.5, 1.8e12), new("RUT", 1_700_000_000_001, 2600.25)];

        new TickJsonWriter().Write(ticks, output);

        using var document = JsonDocument.Parse(output.WrittenMemory);
        var items = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("BTC", items[0].GetProperty("symbol").GetString());
        Assert.Equal(1_700_000_000_000, items[0].GetProperty("time").GetInt64());
        Assert.Equal(90_000.5, items[0].GetProperty("price").GetDouble());
        Assert.Equal(1.8e12, items[0].GetProperty("marketCap").GetDouble());
        Assert.False(items[1].TryGetProperty("marketCap", out _));
    }
}
