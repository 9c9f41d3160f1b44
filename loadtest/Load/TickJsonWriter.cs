using System.Buffers;
using System.Text.Json;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Load;

/// <summary>
/// Writes a tick batch as the ingestion api's JSON array (<c>[{"symbol":"BTC","time":epochMs,"price":...}]</c>) into a
/// caller-owned buffer, reusing its writer: no per-tick allocation.
/// </summary>
public sealed class TickJsonWriter
{
    private static readonly JsonEncodedText SymbolName = JsonEncodedText.Encode("symbol");
    private static readonly JsonEncodedText TimeName = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText PriceName = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText MarketCapName = JsonEncodedText.Encode("marketCap");

    private readonly Utf8JsonWriter _writer = new(Stream.Null, new JsonWriterOptions { SkipValidation = true });

    /// <summary>Appends the JSON array of <paramref name="ticks"/> to <paramref name="output"/>.</summary>
    public void Write(ReadOnlySpan<Tick> ticks, IBufferWriter<byte> output)
    {
        _writer.Reset(output);
        _writer.WriteStartArray();
        foreach (ref readonly var tick in ticks)
        {
            _writer.WriteStartObject();
            _writer.WriteString(SymbolName, tick.Symbol);
            _writer.WriteNumber(TimeName, tick.TimeMs);
            _writer.WriteNumber(PriceName, tick.Price);
            if (tick.MarketCap is { } cap)
            {
                _writer.WriteNumber(MarketCapName, cap);
            }

            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.Flush();
    }
}
