using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Parses tick batches (JSON array or NDJSON) item by item, so that one malformed item is refused with its own reason
/// while the others go through. Item shape: <c>{ "symbol": "BTC", "time": "2026-02-04T15:30:00.123Z" | epochMs,
/// "price": 75275.12, "marketCap": optional, "supply": optional }</c> (property names case-insensitive).
/// </summary>
public static class TickParser
{
    /// <summary>Earliest and latest accepted timestamps (UTC epoch ms): a sanity bound, the grains apply the real ones.</summary>
    private static readonly long MinTimeMs = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long MaxTimeMs = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public static TickFormat Detect(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'[' ? TickFormat.JsonArray : TickFormat.Ndjson;
        }

        return TickFormat.JsonArray;
    }

    public static ParsedTicks Parse(ReadOnlySpan<byte> body, TickFormat format, int maxItems) =>
        format == TickFormat.Ndjson ? ParseNdjson(body, maxItems) : ParseArray(body, maxItems);

    private static ParsedTicks ParseArray(ReadOnlySpan<byte> body, int maxItems)
    {
        var builder = new Builder();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return ParsedTicks.Failed("The body must be a JSON array of ticks (or NDJSON with Content-Type application/x-ndjson).");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (builder.Count >= maxItems)
                {
                    return ParsedTicks.Failed($"More than {maxItems} items.", tooLarge: true);
                }

                builder.Add(ref reader);
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return ParsedTicks.Failed("The JSON array is not closed or is followed by more content.");
            }
        }
        catch (JsonException ex)
        {
            return ParsedTicks.Failed($"Malformed JSON at byte {reader.BytesConsumed}: {ex.Message}");
        }

        return builder.Build();
    }

    private static ParsedTicks ParseNdjson(ReadOnlySpan<byte> body, int maxItems)
    {
        var builder = new Builder();
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            line = line.Trim(" \t\r"u8);
            if (line.IsEmpty)
            {
                continue;
            }

            if (builder.Count >= maxItems)
            {
                return ParsedTicks.Failed($"More than {maxItems} items.", tooLarge: true);
            }

            var reader = new Utf8JsonReader(line);
            builder.Begin();
            try
            {
                reader.Read();
                builder.ReadItem(ref reader);
                if (reader.Read())
                {
                    throw new JsonException("More than one JSON value on the line.");
                }
            }
            catch (JsonException ex)
            {
                builder.WithdrawCurrent();
                builder.RejectCurrent("MalformedJson", null, ex.Message);
            }
        }

        return builder.Build();
    }

    /// <summary>Accumulates ticks and rejections; <see cref="Count"/> is the number of items seen so far.</summary>
    private sealed class Builder
    {
        private readonly ImmutableArray<Tick>.Builder _ticks = ImmutableArray.CreateBuilder<Tick>();
        private readonly ImmutableArray<int>.Builder _indexes = ImmutableArray.CreateBuilder<int>();
        private readonly ImmutableArray<IngestRejection>.Builder _rejections = ImmutableArray.CreateBuilder<IngestRejection>();
        private readonly SymbolTable _symbols = new();
        private int _current = -1;

        public int Count => _current + 1;

        /// <summary>Reads one item; the reader is on its first token and ends on its last.</summary>
        public void Add(ref Utf8JsonReader reader)
        {
            Begin();
            ReadItem(ref reader);
        }

        /// <summary>Starts the next item, so that a failure while reading it is blamed on it and not on the one before.</summary>
        public void Begin() => _current++;

        /// <summary>Reads the item started by <see cref="Begin"/>; the reader is on its first token and ends on its last.</summary>
        public void ReadItem(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                RejectCurrent("NotAnObject", null, "Each tick must be a JSON object.");
                return;
            }

            string? symbol = null;
            long? time = null;
            double? price = null, marketCap = null, supply = null;
            (string Code, string Detail)? problem = null;

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = PropertyOf(ref reader);
                reader.Read();
                switch (property)
                {
                    case TickProperty.Symbol:
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            symbol = _symbols.Get(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                            problem ??= ("InvalidSymbol", "symbol must be a string.");
                        }

                        break;
                    case TickProperty.Time:
                        time = ReadTime(ref reader);
                        if (time is null)
                        {
                            problem ??= ("InvalidTime", "time must be an ISO 8601 UTC timestamp or integer epoch milliseconds.");
                        }

                        break;
                    case TickProperty.Price:
                        price = ReadNumber(ref reader);
                        if (price is not (> 0 and < double.PositiveInfinity))
                        {
                            problem ??= ("InvalidPrice", "price must be a positive finite number.");
                        }

                        break;
                    case TickProperty.MarketCap:
                        if (!TryReadOptional(ref reader, out marketCap))
                        {
                            problem ??= ("InvalidMarketCap", "marketCap must be a positive finite number or null.");
                        }

                        break;
                    case TickProperty.Supply:
                        if (!TryReadOptional(ref reader, out supply))
                        {
                            problem ??= ("InvalidSupply", "supply must be a positive finite number or null.");
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (problem is null && symbol is null)
            {
                problem = ("MissingSymbol", "symbol is required.");
            }
            else if (problem is null && !TickSymbol.IsValid(symbol))
            {
                problem = ("InvalidSymbol", $"symbol must be 1-{TickSymbol.MaxLength} letters, digits, '.', '-' or '_'.");
            }
            else if (problem is null && time is null)
            {
                problem = ("MissingTime", "time is required.");
            }
            else if (problem is null && price is null)
            {
                problem = ("MissingPrice", "price is required.");
            }

            if (problem is { } p || symbol is null || time is not { } timeMs || price is not { } value)
            {
                var (code, detail) = problem ?? ("Invalid", "invalid tick.");
                RejectCurrent(code, symbol, detail);
                return;
            }

            _ticks.Add(new Tick(symbol, timeMs, value, marketCap, supply));
            _indexes.Add(_current);
        }

        /// <summary>Takes back the current item's tick, if it was added (its line turned out to hold more than one value).</summary>
        public void WithdrawCurrent()
        {
            if (_indexes.Count > 0 && _indexes[^1] == _current)
            {
                _ticks.RemoveAt(_ticks.Count - 1);
                _indexes.RemoveAt(_indexes.Count - 1);
            }
        }

        public void RejectCurrent(string code, string? symbol, string detail)
        {
            if (_rejections.Count > 0 && _rejections[^1].Index == _current)
            {
                return;
            }

            _rejections.Add(new IngestRejection(_current, code, EchoText.Clip(symbol), detail));
        }

        public ParsedTicks Build() =>
            _current < 0
                ? ParsedTicks.Failed("The request holds no ticks.")
                : new ParsedTicks(_ticks.DrainToImmutable(), _indexes.DrainToImmutable(), _rejections.DrainToImmutable(), Count, null);

        private static long? ReadTime(ref Utf8JsonReader reader)
        {
            long? ms = reader.TokenType switch
            {
                JsonTokenType.Number when reader.TryGetInt64(out var n) => n,
                JsonTokenType.String => ReadTimestamp(ref reader),
                _ => null,
            };
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                reader.Skip();
            }

            return ms is { } v && v >= MinTimeMs && v < MaxTimeMs ? v : null;
        }

        /// <summary>ISO 8601 without allocating; no offset means UTC. Other date formats take the slower, allocating path.</summary>
        private static long? ReadTimestamp(ref Utf8JsonReader reader)
        {
            if (reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
            {
                return new DateTimeOffset(local, TimeSpan.Zero).ToUnixTimeMilliseconds();
            }

            if (reader.TryGetDateTimeOffset(out var exact))
            {
                return exact.ToUnixTimeMilliseconds();
            }

            return DateTimeOffset.TryParse(
                TextOf(ref reader),
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed) ? parsed.ToUnixTimeMilliseconds() : null;
        }

        private static TickProperty PropertyOf(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return TextOf(ref reader).ToLowerInvariant() switch
                {
                    "symbol" => TickProperty.Symbol,
                    "time" => TickProperty.Time,
                    "price" => TickProperty.Price,
                    "marketcap" => TickProperty.MarketCap,
                    "supply" => TickProperty.Supply,
                    _ => TickProperty.Other,
                };
            }

            var name = reader.ValueSpan;
            return Ascii.EqualsIgnoreCase(name, "symbol"u8) ? TickProperty.Symbol
                : Ascii.EqualsIgnoreCase(name, "time"u8) ? TickProperty.Time
                : Ascii.EqualsIgnoreCase(name, "price"u8) ? TickProperty.Price
                : Ascii.EqualsIgnoreCase(name, "marketCap"u8) ? TickProperty.MarketCap
                : Ascii.EqualsIgnoreCase(name, "supply"u8) ? TickProperty.Supply
                : TickProperty.Other;
        }

        private static double? ReadNumber(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
            {
                return value;
            }

            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                reader.Skip();
            }

            return null;
        }

        private static bool TryReadOptional(ref Utf8JsonReader reader, out double? value)
        {
            value = null;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            value = ReadNumber(ref reader);
            return value is > 0 and < double.PositiveInfinity;
        }
    }

    /// <summary>
    /// The string token's text. Invalid UTF-8 makes <see cref="Utf8JsonReader.GetString"/> throw; such text is decoded with
    /// replacement characters instead, so the item is refused with a reason rather than failing the request.
    /// </summary>
    private static string TextOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private enum TickProperty
    {
        Other,
        Symbol,
        Time,
        Price,
        MarketCap,
        Supply,
    }

    /// <summary>
    /// Upper-cased symbol strings of one request, so a batch of 50 000 ticks over a few symbols allocates a few strings.
    /// Returns the raw text (for the rejection message) when it is not a valid symbol.
    /// </summary>
    private sealed class SymbolTable
    {
        private readonly Dictionary<string, string> _symbols = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public SymbolTable() => _lookup = _symbols.GetAlternateLookup<ReadOnlySpan<char>>();

        public string? Get(ref Utf8JsonReader reader)
        {
            Span<char> buffer = stackalloc char[TickSymbol.MaxLength];
            if (reader.ValueIsEscaped || reader.ValueSpan.Length > TickSymbol.MaxLength)
            {
                return TextOf(ref reader);
            }

            var length = Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
            var text = buffer[..length];
            if (!TickSymbol.IsValid(text))
            {
                return TextOf(ref reader);
            }

            Ascii.ToUpperInPlace(text, out _);
            if (!_lookup.TryGetValue(text, out var symbol))
            {
                symbol = new string(text);
                _lookup[text] = symbol;
            }

            return symbol;
        }
    }
}