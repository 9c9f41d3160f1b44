using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// Append-only write-ahead journal of tick batches, in segment files <c>segment-NNNNNNNNNN.log</c> of one folder. A
/// record is handed to the operating system (optionally forced to disk) before <see cref="Append"/> returns, so it
/// survives a killed process. After each checkpoint a new segment starts with the table of publisher streams and the
/// older segments are deleted. Not thread-safe: the caller appends one batch at a time.
/// </summary>
public sealed partial class TickJournal(string folder, bool flushToDisk, ILogger<TickJournal> logger) : IDisposable
{
    private const string Prefix = "segment-";
    private const string Suffix = ".log";

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private FileStream? _segment;
    private int _generation;
    private long _next = 1;

    public string Folder => folder;

    /// <summary>Reads every segment; a torn or damaged tail is cut off (it was never applied nor acknowledged).</summary>
    public JournalContents Open()
    {
        Directory.CreateDirectory(folder);
        var batches = new List<JournalRecord>();
        var streams = new Dictionary<string, StreamPosition>(StringComparer.Ordinal);
        long last = 0;
        foreach (var (path, generation) in Segments())
        {
            _generation = Math.Max(_generation, generation);
            var data = File.ReadAllBytes(path);
            var offset = 0;
            while (offset < data.Length)
            {
                if (!JournalCodec.TryRead(data.AsSpan(offset), out var consumed, out var batch, out var table))
                {
                    LogTornTail(path, offset, data.Length - offset);
                    using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
                    file.SetLength(offset);
                    break;
                }

                offset += consumed;
                if (batch is not null)
                {
                    batches.Add(batch);
                    last = Math.Max(last, batch.Position);
                    if (batch.Stream is { } stream)
                    {
                        streams[stream.StreamId] = stream;
                    }
                }
                else if (table is { } snapshot)
                {
                    last = Math.Max(last, snapshot.Position);
                    streams.Clear();
                    foreach (var stream in snapshot.Streams)
                    {
                        streams[stream.StreamId] = stream;
                    }
                }
            }
        }

        return new JournalContents(batches, streams, last);
    }

    /// <summary>Journals a batch under the next position and returns it.</summary>
    public long Append(long receivedMs, StreamPosition? stream, ImmutableArray<Tick> ticks)
    {
        var segment = _segment ?? throw new InvalidOperationException("The journal has no open segment; call StartSegment first.");
        var position = _next;
        _buffer.ResetWrittenCount();
        JournalCodec.WriteBatch(_buffer, new JournalRecord(position, receivedMs, stream, ticks));
        segment.Write(_buffer.WrittenSpan);
        segment.Flush(flushToDisk);
        _next = position + 1;
        return position;
    }

    /// <summary>
    /// Starts a new segment after a checkpoint that includes every record up to <paramref name="position"/>, heads it
    /// with the stream table, and deletes the older segments.
    /// </summary>
    public void StartSegment(long position, IReadOnlyCollection<StreamPosition> streams)
    {
        Directory.CreateDirectory(folder);
        var generation = _generation + 1;
        var path = Path.Combine(folder, Prefix + generation.ToString("D10", CultureInfo.InvariantCulture) + Suffix);
        var segment = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        _buffer.ResetWrittenCount();
        JournalCodec.WriteStreams(_buffer, position, streams);
        segment.Write(_buffer.WrittenSpan);
        segment.Flush(flushToDisk);

        _segment?.Dispose();
        _segment = segment;
        _generation = generation;
        _next = Math.Max(_next, position + 1);
        foreach (var (old, oldGeneration) in Segments())
        {
            if (oldGeneration < generation)
            {
                File.Delete(old);
            }
        }
    }

    public void Dispose() => _segment?.Dispose();

    private List<(string Path, int Generation)> Segments() =>
        [.. Directory.EnumerateFiles(folder, Prefix + "*" + Suffix)
            .Select(path => (Path: path, Name: Path.GetFileNameWithoutExtension(path)[Prefix.Length..]))
            .Where(s => int.TryParse(s.Name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(s => (s.Path, int.Parse(s.Name, NumberStyles.None, CultureInfo.InvariantCulture)))
            .OrderBy(s => s.Item2)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal segment {Path}: cut a torn record at byte {Offset} ({Bytes} bytes dropped; it was never acknowledged)")]
    private partial void LogTornTail(string path, int offset, int bytes);
}
