using System.Globalization;

namespace AltseasonLive.Api.Tests.Fuzz;

/// <summary>
/// Seeded generator of malformed tick items, each with the rejection reasons the README allows for it. Items are
/// refused by the parser or by the asset grains whatever the state of the market, given that every symbol already
/// has a bar (round 1 on) for the stale kinds.
/// </summary>
public sealed class MalformedItemGenerator(Random random, ValidTickStream stream)
{
    private static readonly FuzzCategory[] ArrayKinds =
    [
        FuzzCategory.NotAnObject, FuzzCategory.WrongType, FuzzCategory.MissingField, FuzzCategory.InvalidSymbol,
        FuzzCategory.UnknownSymbol, FuzzCategory.NonFinitePrice, FuzzCategory.NonPositivePrice,
        FuzzCategory.InvalidMarketCapOrSupply, FuzzCategory.DeeplyNestedValue, FuzzCategory.TimeOutOfParserRange,
        FuzzCategory.TimeFarInFuture, FuzzCategory.StaleOrDuplicateTick,
        FuzzCategory.ExtremeFinitePrice, FuzzCategory.HugeMarketCapOrSupply, FuzzCategory.SuddenMove,
        FuzzCategory.ImplausibleComposite, FuzzCategory.InconsistentComposite,
    ];

    private static readonly FuzzCategory[] NdjsonKinds = [.. ArrayKinds, FuzzCategory.MalformedNdjsonLine];

    /// <summary>A malformed item for a batch sent in <paramref name="round"/> (stale kinds need round &gt;= 1); NDJSON allows broken lines.</summary>
    public MalformedItem Next(int round, bool ndjson, long nowMs)
    {
        var kinds = ndjson ? NdjsonKinds : ArrayKinds;
        var kind = kinds[random.Next(kinds.Length)];
        // Stale kinds need a bar to be late for; plausibility kinds a last accepted value (and BTC.D) to be judged against.
        if (round < 1 && kind is FuzzCategory.StaleOrDuplicateTick or FuzzCategory.ExtremeFinitePrice or FuzzCategory.HugeMarketCapOrSupply
                or FuzzCategory.SuddenMove or FuzzCategory.ImplausibleComposite or FuzzCategory.InconsistentComposite)
        {
            kind = FuzzCategory.UnknownSymbol;
        }

        return kind switch
        {
            FuzzCategory.NotAnObject => Item(kind, Pick("42", "\"BTC\"", "null", "true", "[]", "[1,2,3]", "-0.5e3", "\"\""), "NotAnObject"),
            FuzzCategory.WrongType => WrongType(ndjson),
            FuzzCategory.MissingField => MissingField(),
            FuzzCategory.InvalidSymbol => Item(
                kind,
                Tick(Pick("\"\"", "\"BTC/USD\"", "\"B TC\"", "\"" + new string('A', 25 + random.Next(40)) + "\"", "\"Ω\"", "\"BTC\\u0000\"", "\"<script>\"")),
                "InvalidSymbol"),
            FuzzCategory.UnknownSymbol => Item(kind, Tick($"\"ZZ{random.Next(1_000_000)}\""), "UnknownSymbol"),
            FuzzCategory.NonFinitePrice => Item(
                kind,
                Tick(price: ndjson ? Pick("NaN", "Infinity", "-Infinity", "\"NaN\"", "1e400") : Pick("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "1e400", "-1e400")),
                "InvalidPrice", "NonFinitePrice", "MalformedJson"),
            FuzzCategory.NonPositivePrice => Item(
                kind, Tick(price: Pick("0", "-0", "-0.0", "-1", "-91000.5", "-1e-300", "0e10")), "InvalidPrice", "NonPositivePrice"),
            FuzzCategory.InvalidMarketCapOrSupply => InvalidOptional(),
            FuzzCategory.DeeplyNestedValue => DeeplyNested(ndjson),
            FuzzCategory.TimeOutOfParserRange => Item(
                kind, Tick(time: Pick("0", "-1", "315532800000", "\"1970-01-01T00:00:00Z\"", "\"2300-01-01T00:00:00Z\"", "99999999999999999", "1.5e12", "\"not a time\"")), "InvalidTime"),
            FuzzCategory.TimeFarInFuture => Item(
                kind,
                Tick(time: Pick(
                    (nowMs + 3_600_000 + random.Next(1_000_000)).ToString(CultureInfo.InvariantCulture),
                    "\"2150-06-01T00:00:00Z\"",
                    (nowMs + (365L * 86_400_000)).ToString(CultureInfo.InvariantCulture))),
                "TooFarInFuture"),
            FuzzCategory.StaleOrDuplicateTick => Stale(round),
            FuzzCategory.ExtremeFinitePrice => random.Next(4) == 0
                ? Item(kind, Current(round, out _, price: "-1.7976931348623157e308"), "InvalidPrice")
                : Item(kind, Current(round, out _, price: Pick("1.7976931348623157e308", "5e-324", "1e-320", "4.9406564584124654E-324", "1e300", "1e-300", "2.2250738585072014E-308")), "ImplausiblePrice"),
            FuzzCategory.HugeMarketCapOrSupply => random.Next(2) == 0
                ? Item(kind, Current(round, out _, extra: ",\"marketCap\":" + Pick("1e308", "1.7976931348623157e308", "1e20", "9e15")), "ImplausibleMarketCap")
                : Item(kind, Current(round, out _, extra: ",\"supply\":" + Pick("1e308", "1.7976931348623157e308", "1e30", "5e-324")), "ImplausibleSupply"),
            FuzzCategory.SuddenMove => SuddenMove(round),
            FuzzCategory.ImplausibleComposite => Item(
                kind,
                Current(round, out _, symbol: Pick("BTC.D", "USDT.D", "TOTAL", "TOTAL3"), price: Pick("100.5", "250", "1e17", "1.7976931348623157e308", "5e-324")),
                "ImplausiblePrice", "InconsistentComposite"),
            FuzzCategory.InconsistentComposite => Item(
                kind, Current(round, out _, symbol: "ETH.D", price: (70 + random.Next(30)).ToString(CultureInfo.InvariantCulture)), "InconsistentComposite"),
            FuzzCategory.MalformedNdjsonLine => Item(
                kind, Pick("{\"symbol\":\"BTC\",\"time\":1,\"price\":", Tick() + " {\"x\":1}", Tick() + " " + Tick(), "{symbol:BTC}", "{\"symbol\":\"BTC\",,}", "{\"symbol\":\"BTC\"", "[1,2", "}{", "\"unterminated", "NaN"), "MalformedJson", "NotAnObject"),
            _ => throw new InvalidOperationException($"No item generator for {kind}."),
        };
    }

    /// <summary>Values of the wrong JSON type, including symbols that are arrays or objects.</summary>
    private MalformedItem WrongType(bool ndjson) => random.Next(5) switch
    {
        0 => Item(
            FuzzCategory.WrongType,
            Tick(Pick("42", "true", "{\"a\":1}", "[\"BTC\"]", "null", "-1.5")),
            "InvalidSymbol", "MalformedJson"),
        1 => Item(FuzzCategory.WrongType, Tick(time: Pick("true", "{\"ms\":1}", "[1770000000000]", "null")), "InvalidTime"),
        2 => Item(FuzzCategory.WrongType, Tick(price: Pick("\"91000\"", "true", "null", "{\"usd\":1}", "[1]")), "InvalidPrice"),
        3 => Item(FuzzCategory.WrongType, Tick(extra: ",\"marketCap\":" + Pick("\"big\"", "true", "[1]", "{}")), "InvalidMarketCap"),
        _ => Item(FuzzCategory.WrongType, Tick(extra: ",\"supply\":" + Pick("\"many\"", "false", "[1]", "{}")), "InvalidSupply"),
    };

    private MalformedItem MissingField()
    {
        var now = ValidTime();
        return random.Next(4) switch
        {
            0 => Item(FuzzCategory.MissingField, $$"""{"time":{{now}},"price":1}""", "MissingSymbol"),
            1 => Item(FuzzCategory.MissingField, """{"symbol":"BTC","price":1}""", "MissingTime"),
            2 => Item(FuzzCategory.MissingField, $$"""{"symbol":"BTC","time":{{now}}}""", "MissingPrice"),
            _ => Item(FuzzCategory.MissingField, Pick("{}", "{\"Symbo\":\"BTC\",\"tme\":1,\"prce\":1}"), "MissingSymbol"),
        };
    }

    private MalformedItem InvalidOptional() => random.Next(4) switch
    {
        0 => Item(FuzzCategory.InvalidMarketCapOrSupply, Tick(extra: ",\"marketCap\":" + Pick("-1", "-1e12", "1e400")), "InvalidMarketCap"),
        1 => Item(FuzzCategory.InvalidMarketCapOrSupply, Tick(extra: ",\"supply\":" + Pick("-5", "-1e-9", "1e999")), "InvalidSupply"),
        2 => Item(FuzzCategory.InvalidMarketCapOrSupply, Tick(extra: ",\"marketCap\":0"), "InvalidMarketCap"),
        _ => Item(FuzzCategory.InvalidMarketCapOrSupply, Tick(extra: ",\"supply\":0"), "InvalidSupply", "InvalidMarketCap"),
    };

    /// <summary>Nesting under a tick property; in NDJSON deeper than the reader's 64-level limit (the line is broken).</summary>
    private MalformedItem DeeplyNested(bool ndjson)
    {
        var depth = ndjson && random.Next(2) == 0 ? 65 + random.Next(200) : 5 + random.Next(50);
        var nested = new string('[', depth) + "1" + new string(']', depth);
        return random.Next(3) switch
        {
            0 => Item(FuzzCategory.DeeplyNestedValue, Tick(price: nested), "InvalidPrice", "MalformedJson"),
            1 => Item(FuzzCategory.DeeplyNestedValue, Tick(time: nested), "InvalidTime", "MalformedJson"),
            _ => Item(FuzzCategory.DeeplyNestedValue, Tick(nested), "InvalidSymbol", "MalformedJson"),
        };
    }

    /// <summary>A replay of a valid tick at least three bars old, or an out-of-order tick stamped that far back: older than the late tolerance.</summary>
    private MalformedItem Stale(int round)
    {
        var tick = Pick(stream.Rounds[random.Next(Math.Max(1, round - 3))]);
        if (round >= 4 && random.Next(2) == 0)
        {
            return Item(FuzzCategory.StaleOrDuplicateTick, tick.Json, "TooLate");
        }

        var time = stream.StartMs + (Math.Max(0, round - 4) * stream.BarSizeMs) - 2_001 - random.Next(100_000);
        return Item(FuzzCategory.StaleOrDuplicateTick, $$"""{"symbol":"{{tick.Symbol}}","time":{{time}},"price":{{1 + random.Next(1000)}}}""", "TooLate");
    }

    /// <summary>A price 1000 times above or below a symbol's current one (this round's valid tick), stamped in this round's bar.</summary>
    private MalformedItem SuddenMove(int round)
    {
        var valid = Pick(stream.Rounds[round]);
        var factor = random.Next(2) == 0 ? 1000 : 0.001;
        return Item(FuzzCategory.SuddenMove, Current(round, out _, valid.Symbol, (valid.Price * factor).ToString("R", CultureInfo.InvariantCulture)), "ImplausiblePrice");
    }

    /// <summary>
    /// An item stamped inside <paramref name="round"/>'s bar, so that only plausibility can refuse it: a coin or index of
    /// this round at its current price, unless <paramref name="symbol"/> or <paramref name="price"/> say otherwise.
    /// </summary>
    private string Current(int round, out ValidTick valid, string? symbol = null, string? price = null, string extra = "")
    {
        valid = Pick(stream.Rounds[round]);
        var time = (stream.StartMs + (round * stream.BarSizeMs) + random.NextInt64(stream.BarSizeMs)).ToString(CultureInfo.InvariantCulture);
        return Tick($"\"{symbol ?? valid.Symbol}\"", time, price ?? valid.Price.ToString("R", CultureInfo.InvariantCulture), extra);
    }

    /// <summary>A coin or index tick of the round (BTC.D, the supplied composite, is last and left out).</summary>
    private ValidTick Pick(IReadOnlyList<ValidTick> round) => round[random.Next(round.Count - 1)];

    private string ValidTime() =>
        (stream.StartMs + random.NextInt64(stream.BarSizeMs)).ToString(CultureInfo.InvariantCulture);

    private string Tick(string symbol = "\"BTC\"", string? time = null, string price = "91000.5", string extra = "") =>
        $$"""{"symbol":{{symbol}},"time":{{time ?? ValidTime()}},"price":{{price}}{{extra}}}""";

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private static MalformedItem Item(FuzzCategory category, string json, params string[] reasons) => new(category, json, reasons);
}

/// <summary>One malformed item: its category, JSON text, and the rejection reasons that are correct for it.</summary>
public sealed record MalformedItem(FuzzCategory Category, string Json, IReadOnlyList<string> ExpectedReasons);
