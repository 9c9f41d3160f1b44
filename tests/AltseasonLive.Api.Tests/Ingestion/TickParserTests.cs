using System.Text;
using AltseasonLive.Api.Ingestion;

namespace AltseasonLive.Api.Tests.Ingestion;

public sealed class TickParserTests
{
    private const long Feb4 = 1770219000123; // 2026-02-04T15:30:00.123Z

    private static ParsedTicks Parse(string body, TickFormat format = TickFormat.JsonArray) =>
        TickParser.Parse(Encoding.UTF8.GetBytes(body), format, maxItems: 100);

    [Theory]
    [InlineData("\"2026-02-04T15:30:00.123Z\"")]
    [InlineData("\"2026-02-04T15:30:00.123\"")]
    [InlineData("\"2026-02-04T16:30:00.123+01:00\"")]
    [InlineData("\"2026-02-04 15:30:00.123Z\"")]
    [InlineData("1770219000123")]
    public void Time_is_iso_8601_utc_or_epoch_milliseconds(string time)
    {
        var parsed = Parse($$"""[{"symbol":"btc","time":{{time}},"price":75275.12}]""");

        var tick = Assert.Single(parsed.Ticks);
        Assert.Equal(Feb4, tick.TimeMs);
        Assert.Equal("BTC", tick.Symbol);
        Assert.Equal(75275.12, tick.Price);
    }

    [Fact]
    public void Property_names_are_case_insensitive_and_unknown_ones_are_ignored()
    {
        var parsed = Parse($$$"""[{"Symbol":"BTC.D","TIME":{{{Feb4}}},"Price":57.3,"MarketCap":null,"SUPPLY":1,"venue":{"name":"x"}}]""");

        var tick = Assert.Single(parsed.Ticks);
        Assert.Equal("BTC.D", tick.Symbol);
        Assert.Null(tick.MarketCap);
        Assert.Equal(1, tick.Supply);
        Assert.Empty(parsed.Rejections);
    }

    [Theory]
    [InlineData("""{"symbol":"BTC","time":1770219000123,"price":"1"}""", "InvalidPrice")]
    [InlineData("""{"symbol":"BTC","time":1770219000123,"price":0}""", "InvalidPrice")]
    [InlineData("""{"symbol":"BTC","time":1770219000123}""", "MissingPrice")]
    [InlineData("""{"symbol":"BTC","price":1}""", "MissingTime")]
    [InlineData("""{"symbol":"BTC","time":1770219000.5,"price":1}""", "InvalidTime")]
    [InlineData("""{"symbol":"BTC","time":1770219,"price":1}""", "InvalidTime")]
    [InlineData("""{"symbol":"B TC","time":1770219000123,"price":1}""", "InvalidSymbol")]
    [InlineData("""{"symbol":7,"time":1770219000123,"price":1}""", "InvalidSymbol")]
    [InlineData("""{"symbol":"BTC","time":1770219000123,"price":1,"marketCap":-5}""", "InvalidMarketCap")]
    [InlineData("""{"symbol":"BTC","time":1770219000123,"price":1,"marketCap":0}""", "InvalidMarketCap")]
    [InlineData("""{"symbol":"BTC","time":1770219000123,"price":1,"supply":0}""", "InvalidSupply")]
    [InlineData("""{"symbol":"BTC","time":1770219000123,"price":1,"supply":[1]}""", "InvalidSupply")]
    [InlineData("""[1]""", "NotAnObject")]
    public void Each_malformed_item_gets_its_own_reason_and_the_next_item_still_parses(string item, string reason)
    {
        var parsed = Parse($$"""[{{item}},{"symbol":"ETH","time":{{Feb4}},"price":2500}]""");

        var rejection = Assert.Single(parsed.Rejections);
        Assert.Equal((0, reason), (rejection.Index, rejection.Reason));
        Assert.Equal(1, Assert.Single(parsed.SourceIndexes));
        Assert.Equal("ETH", Assert.Single(parsed.Ticks).Symbol);
    }

    [Fact]
    public void Ndjson_skips_blank_lines_and_counts_items_by_non_empty_line()
    {
        var body = $"\r\n{{\"symbol\":\"BTC\",\"time\":{Feb4},\"price\":1}}\r\n\r\n{{oops}}\n{{\"symbol\":\"ETH\",\"time\":{Feb4},\"price\":2}} {{\"x\":1}}\n{{\"symbol\":\"SOL\",\"time\":{Feb4},\"price\":3}}";
        var parsed = Parse(body, TickFormat.Ndjson);

        Assert.Equal(4, parsed.ItemCount);
        Assert.Equal(["BTC", "SOL"], parsed.Ticks.Select(t => t.Symbol));
        Assert.Equal([0, 3], parsed.SourceIndexes.ToArray());
        Assert.Equal([(1, "MalformedJson"), (2, "MalformedJson")], parsed.Rejections.Select(r => (r.Index, r.Reason)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    [InlineData("[{\"symbol\":\"BTC\"}")]
    [InlineData("[] []")]
    public void An_unreadable_body_is_an_error_for_the_whole_request(string body)
    {
        var parsed = Parse(body);

        Assert.NotNull(parsed.Error);
        Assert.Empty(parsed.Ticks);
    }

    [Fact]
    public void More_items_than_the_limit_is_too_large()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat($$"""{"symbol":"BTC","time":{{Feb4}},"price":1}""", 101)) + "]";

        Assert.True(Parse(body).TooLarge);
        Assert.True(Parse(body.Replace("},{", "}\n{")[1..^1], TickFormat.Ndjson).TooLarge);
    }

    [Fact]
    public void Format_is_detected_from_the_first_character()
    {
        Assert.Equal(TickFormat.JsonArray, TickParser.Detect("\n  [{}]"u8));
        Assert.Equal(TickFormat.Ndjson, TickParser.Detect("{}\n{}"u8));
    }

    [Fact]
    public void Invalid_utf8_in_a_symbol_or_time_refuses_that_item_and_keeps_the_others()
    {
        var body = new List<byte>();
        body.AddRange("[{\"symbol\":\"B"u8.ToArray());
        body.Add(0xFF);
        body.AddRange(Encoding.UTF8.GetBytes($"TC\",\"time\":{Feb4},\"price\":1}},{{\"symbol\":\"BTC\",\"time\":\"2026-"));
        body.AddRange(new byte[] { 0xC3, 0x28 });
        body.AddRange(Encoding.UTF8.GetBytes($"\",\"price\":1}},{{\"symbol\":\"ETH\",\"time\":{Feb4},\"price\":2}}]"));

        var parsed = TickParser.Parse(body.ToArray(), TickFormat.JsonArray, maxItems: 100);

        Assert.Null(parsed.Error);
        Assert.Equal("ETH", Assert.Single(parsed.Ticks).Symbol);
        Assert.Equal([(0, "InvalidSymbol"), (1, "InvalidTime")], parsed.Rejections.Select(r => (r.Index, r.Reason)));
    }

    [Theory]
    [InlineData("}{")]
    [InlineData("\"unterminated")]
    [InlineData("NaN")]
    public void A_broken_ndjson_line_is_blamed_on_itself_and_the_line_before_is_kept(string broken)
    {
        var parsed = Parse($$"""
            {"symbol":"BTC","time":{{Feb4}},"price":100}
            {{broken}}
            {"symbol":"ETH","time":{{Feb4}},"price":2}
            """, TickFormat.Ndjson);

        Assert.Equal(3, parsed.ItemCount);
        Assert.Equal(["BTC", "ETH"], parsed.Ticks.Select(t => t.Symbol));
        Assert.Equal([0, 2], parsed.SourceIndexes.AsEnumerable());
        var rejection = Assert.Single(parsed.Rejections);
        Assert.Equal((1, "MalformedJson"), (rejection.Index, rejection.Reason));
    }

    [Theory]
    [InlineData("[\"BTC\"]")]
    [InlineData("{\"a\":{\"b\":[1,2]}}")]
    public void A_symbol_that_is_an_array_or_object_refuses_that_item_and_keeps_the_rest_of_the_array(string symbol)
    {
        var parsed = Parse($$"""[{"symbol":{{symbol}},"time":{{Feb4}},"price":1},{"symbol":"ETH","time":{{Feb4}},"price":2},{"symbol":"BTC","time":{{Feb4}},"price":-1}]""");

        Assert.Null(parsed.Error);
        Assert.Equal(3, parsed.ItemCount);
        Assert.Equal("ETH", Assert.Single(parsed.Ticks).Symbol);
        Assert.Equal([(0, "InvalidSymbol"), (2, "InvalidPrice")], parsed.Rejections.Select(r => (r.Index, r.Reason)));
    }
}
