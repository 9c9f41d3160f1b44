using AltseasonLive.Api.Durability;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Logging.Abstractions;

namespace AltseasonLive.Api.Tests.Durability;

public sealed class TickJournalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "altseasonlive-journal-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_torn_last_record_is_cut_off_and_the_intact_records_and_stream_positions_survive()
    {
        var stream = new StreamPosition("feed", 7, 0);
        using (var journal = NewJournal())
        {
            journal.Open();
            journal.StartSegment(0, []);
            Assert.Equal(1, journal.Append(1_000, null, [new Tick("BTC", 10, 1.5, 2e12, null)]));
            Assert.Equal(2, journal.Append(2_000, stream, [new Tick("ETH", 20, 2.5), new Tick("RUT", 21, 3.5, null, 9)]));
            Assert.Equal(3, journal.Append(3_000, stream with { Sequence = 8 }, [new Tick("SOL", 30, 4.5)]));
        }

        var segment = Directory.EnumerateFiles(_folder).Single();
        var intactLength = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite))
        {
            file.SetLength(intactLength - 3);
        }

        using var reopened = NewJournal();
        var contents = reopened.Open();

        Assert.Equal([1L, 2L], contents.Batches.Select(b => b.Position));
        Assert.Equal<Tick>([new Tick("ETH", 20, 2.5), new Tick("RUT", 21, 3.5, null, 9)], contents.Batches[1].Ticks.ToArray());
        Assert.Equal(new Tick("BTC", 10, 1.5, 2e12, null), contents.Batches[0].Ticks[0]);
        Assert.Equal(stream, contents.Streams["feed"]);
        Assert.Equal(2, contents.LastPosition);
        Assert.True(new FileInfo(segment).Length < intactLength - 3);
    }

    [Fact]
    public void A_new_segment_after_a_checkpoint_carries_the_stream_positions_and_replaces_the_older_segments()
    {
        var stream = new StreamPosition("feed", 3, 1);
        using (var journal = NewJournal())
        {
            journal.Open();
            journal.StartSegment(0, []);
            journal.Append(1_000, stream, [new Tick("BTC", 10, 1.5)]);
            journal.StartSegment(1, [stream]);
            Assert.Equal(2, journal.Append(2_000, null, [new Tick("ETH", 20, 2.5)]));
        }

        using var reopened = NewJournal();
        var contents = reopened.Open();

        Assert.Single(Directory.EnumerateFiles(_folder));
        Assert.Equal([2L], contents.Batches.Select(b => b.Position));
        Assert.Equal(stream, contents.Streams["feed"]);
        Assert.Equal(2, contents.LastPosition);
    }

    private TickJournal NewJournal() => new(_folder, flushToDisk: false, NullLogger<TickJournal>.Instance);

    [Fact]
    public void A_journaled_tick_keeps_its_source_label_through_a_reopen()
    {
        using (var journal = NewJournal())
        {
            journal.Open();
            journal.StartSegment(0, []);
            journal.Append(1_000, null, [new Tick("BTC", 10, 1.5, Source: TickSources.Binance), new Tick("RUT", 11, 2500)]);
        }

        using var reopened = NewJournal();
        var ticks = reopened.Open().Batches.Single().Ticks;

        Assert.Equal(TickSources.Binance, ticks[0].Source);
        Assert.Null(ticks[1].Source);
    }

    [Fact]
    public void A_batch_journaled_before_source_labels_were_kept_still_reads()
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)1);
            writer.Write(5L);
            writer.Write(1_000L);
            writer.Write("");
            writer.Write(0L);
            writer.Write(0);
            writer.Write(1);
            writer.Write("ETH");
            writer.Write(20L);
            writer.Write(2.5);
            writer.Write(false);
            writer.Write(0.0);
            writer.Write(true);
            writer.Write(1.2e8);
        }

        var bytes = payload.ToArray();
        var frame = new byte[JournalCodec.HeaderBytes + bytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(frame, bytes.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), System.IO.Hashing.Crc32.HashToUInt32(bytes));
        bytes.CopyTo(frame, JournalCodec.HeaderBytes);

        Assert.True(JournalCodec.TryRead(frame, out var consumed, out var batch, out _));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(5, batch!.Position);
        Assert.Equal(new Tick("ETH", 20, 2.5, null, 1.2e8), batch.Ticks.Single());
    }
}
