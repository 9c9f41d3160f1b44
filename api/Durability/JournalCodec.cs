using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// Binary form of journal records. A frame is [payload length: int32][CRC-32 of the payload: uint32][payload], little
/// endian, so a frame torn by a crash (short, or with a wrong checksum) is recognised and ignored. Payload kinds: a tick
/// batch (with each tick's source label; journals written before it had none and still read), or the table of
/// publisher streams written at the head of each segment.
/// </summary>
public static class JournalCodec
{
    public const int HeaderBytes = 8;

    /// <summary>A batch without source labels (journals written before they were kept); read, never written.</summary>
    private const byte UnlabelledBatchKind = 1;
    private const byte StreamsKind = 2;
    private const byte BatchKind = 3;

    /// <summary>Largest payload accepted when reading (anything larger is a torn or foreign frame).</summary>
    private const int MaxPayloadBytes = 256 * 1024 * 1024;

    public static void WriteBatch(ArrayBufferWriter<byte> output, JournalRecord record)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(BatchKind);
            writer.Write(record.Position);
            writer.Write(record.ReceivedMs);
            writer.Write(record.Stream?.StreamId ?? "");
            writer.Write(record.Stream?.Sequence ?? 0);
            writer.Write(record.Stream?.Chunk ?? 0);
            writer.Write(record.Ticks.Length);
            foreach (var tick in record.Ticks)
            {
                writer.Write(tick.Symbol ?? "");
                writer.Write(tick.TimeMs);
                writer.Write(tick.Price);
                WriteOptional(writer, tick.MarketCap);
                WriteOptional(writer, tick.Supply);
                writer.Write(tick.Source ?? "");
            }
        }

        Frame(output, payload);
    }

    public static void WriteStreams(ArrayBufferWriter<byte> output, long position, IReadOnlyCollection<StreamPosition> streams)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(StreamsKind);
            writer.Write(position);
            writer.Write(streams.Count);
            foreach (var stream in streams)
            {
                writer.Write(stream.StreamId);
                writer.Write(stream.Sequence);
                writer.Write(stream.Chunk);
            }
        }

        Frame(output, payload);
    }

    /// <summary>
    /// Reads the frame at the start of <paramref name="data"/>; false when it is incomplete or damaged. On success exactly
    /// one of <paramref name="batch"/> and <paramref name="streams"/> is set.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out int consumed, out JournalRecord? batch, out (long Position, List<StreamPosition> Streams)? streams)
    {
        consumed = 0;
        batch = null;
        streams = null;
        if (data.Length < HeaderBytes)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (length <= 0 || length > MaxPayloadBytes || data.Length - HeaderBytes < length)
        {
            return false;
        }

        var payload = data.Slice(HeaderBytes, length);
        if (Crc32.HashToUInt32(payload) != checksum)
        {
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
        try
        {
            var kind = reader.ReadByte();
            var position = reader.ReadInt64();
            if (kind is BatchKind or UnlabelledBatchKind)
            {
                var received = reader.ReadInt64();
                var streamId = reader.ReadString();
                var sequence = reader.ReadInt64();
                var chunk = reader.ReadInt32();
                var count = reader.ReadInt32();
                var ticks = ImmutableArray.CreateBuilder<Tick>(count);
                for (var i = 0; i < count; i++)
                {
                    var tick = new Tick(reader.ReadString(), reader.ReadInt64(), reader.ReadDouble(), ReadOptional(reader), ReadOptional(reader));
                    ticks.Add(kind == BatchKind && reader.ReadString() is { Length: > 0 } source ? tick with { Source = source } : tick);
                }

                batch = new JournalRecord(position, received, streamId.Length > 0 ? new StreamPosition(streamId, sequence, chunk) : null, ticks.MoveToImmutable());
            }
            else if (kind == StreamsKind)
            {
                var count = reader.ReadInt32();
                var list = new List<StreamPosition>(count);
                for (var i = 0; i < count; i++)
                {
                    list.Add(new StreamPosition(reader.ReadString(), reader.ReadInt64(), reader.ReadInt32()));
                }

                streams = (position, list);
            }
            else
            {
                return false;
            }
        }
        catch (EndOfStreamException)
        {
            return false;
        }

        consumed = HeaderBytes + length;
        return true;
    }

    private static void Frame(ArrayBufferWriter<byte> output, MemoryStream payload)
    {
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        var header = output.GetSpan(HeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(header, bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(bytes));
        output.Advance(HeaderBytes);
        output.Write(bytes);
    }

    private static void WriteOptional(BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        writer.Write(value ?? 0);
    }

    private static double? ReadOptional(BinaryReader reader)
    {
        var has = reader.ReadBoolean();
        var value = reader.ReadDouble();
        return has ? value : null;
    }
}
