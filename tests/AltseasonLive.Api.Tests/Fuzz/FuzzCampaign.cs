using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Fuzz;

/// <summary>
/// Runs the hostile-input campaign once against server A: every round is one batch (JSON array, NDJSON or WebSocket
/// frame) of that round's valid ticks interleaved with seeded malformed items, followed by whole-request-bad bodies
/// and frames. Records what happened to every payload and which valid batches were sent, in order, so that a second
/// server can be fed the valid ticks alone. Seed <see cref="Seed"/> reproduces the run.
/// </summary>
public sealed class FuzzCampaign : IAsyncLifetime
{
    public const int Seed = 20_261_123;
    public const int Rounds = 120;
    public const int MalformedPerBatch = 84;
    public const int BadBodiesPerRound = 2;
    public const int MaxItems = 1000;
    public const int MaxRequestBytes = 64 * 1024;
    public const long BarSizeMs = 1_000;

    private static readonly FuzzCategory[] BodyKinds =
    [
        FuzzCategory.BrokenJsonBody, FuzzCategory.NotAnArrayBody, FuzzCategory.EmptyBody, FuzzCategory.TooDeepBody,
        FuzzCategory.TrailingContentBody, FuzzCategory.InvalidUtf8Body, FuzzCategory.OnlyMalformedBody,
        FuzzCategory.TooManyItemsBody, FuzzCategory.OversizedBody, FuzzCategory.OversizedChunkedBody,
        FuzzCategory.BrokenWebSocketFrame, FuzzCategory.OversizedWebSocketFrame,
    ];

    private readonly Random _random = new(Seed);
    private readonly List<PayloadOutcome> _outcomes = [];
    private readonly List<string> _anomalies = [];
    private readonly List<IReadOnlyList<ValidTick>> _validBatches = [];
    private ApiServer? _server;
    private HttpClient? _client;
    private ClientWebSocket? _socket;
    private ValidTickStream? _stream;
    private MalformedItemGenerator? _generator;

    /// <summary>Identical for both servers: small limits so oversized cases stay cheap, 1 s bars, one grain call per request.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Feeds:Mode"] = "Off",
        ["Ingestion:MaxItems"] = MaxItems.ToString(CultureInfo.InvariantCulture),
        ["Ingestion:MaxRequestBytes"] = MaxRequestBytes.ToString(CultureInfo.InvariantCulture),
        ["Ingestion:GrainBatchSize"] = MaxItems.ToString(CultureInfo.InvariantCulture),
        ["Bars:BarSize"] = TimeSpan.FromMilliseconds(BarSizeMs).ToString("c", CultureInfo.InvariantCulture),
        ["Bars:LateTolerance"] = "00:00:02",
        ["Bars:FutureTolerance"] = "00:05:00",
    };

    public ApiServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public IReadOnlyList<PayloadOutcome> Outcomes => _outcomes;

    /// <summary>Problems with the valid part of the traffic (a valid item refused, wrong counts, an unexpected status).</summary>
    public IReadOnlyList<string> Anomalies => _anomalies;

    /// <summary>The valid items of every batch that held some, in send order and in their order within the batch.</summary>
    public IReadOnlyList<IReadOnlyList<ValidTick>> ValidBatches => _validBatches;

    /// <summary>Accepted count of the last request, which held only valid ticks and came after all the hostile input.</summary>
    public int FinalBatchAccepted { get; private set; } = -1;

    public int FinalBatchSize { get; private set; }

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync(Settings);
        _client = _server.CreateClient(authorized: true);
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        _stream = new ValidTickStream(_random, (nowMs / BarSizeMs * BarSizeMs) - ((Rounds + 30) * BarSizeMs), BarSizeMs, Rounds);
        _generator = new MalformedItemGenerator(_random, _stream);
        for (var round = 0; round < Rounds - 1; round++)
        {
            await SendMixedBatchAsync(round);
            for (var b = 0; b < BadBodiesPerRound; b++)
            {
                await SendBadBodyAsync(round, BodyKinds[((round * BadBodiesPerRound) + b) % BodyKinds.Length]);
            }
        }

        var last = _stream.Rounds[^1];
        var final = await PostAsync(Array(last.Select(t => t.Json)), "application/json");
        _validBatches.Add(last);
        FinalBatchSize = last.Count;
        FinalBatchAccepted = final.Status == HttpStatusCode.OK ? final.Body.GetProperty("accepted").GetInt32() : -1;
    }

    public async Task DisposeAsync()
    {
        _socket?.Dispose();
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task SendMixedBatchAsync(int round)
    {
        var valid = _stream!.Rounds[round];
        var transport = _random.Next(4);
        var ndjson = transport == 2 || (transport == 3 && _random.Next(2) == 0);
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var items = new List<(ValidTick? Valid, MalformedItem? Bad)>(valid.Count + MalformedPerBatch);
        items.AddRange(valid.Select(v => ((ValidTick?)v, (MalformedItem?)null)));
        for (var i = 0; i < MalformedPerBatch; i++)
        {
            items.Insert(_random.Next(items.Count + 1), (null, _generator!.Next(round, ndjson, nowMs)));
        }

        var texts = items.Select(i => i.Valid?.Json ?? i.Bad!.Json).ToList();
        var body = ndjson ? string.Join("\n", texts) + "\n" : Array(texts);
        var reply = transport == 3
            ? await SendFrameAsync(body)
            : await PostAsync(body, ndjson ? "application/x-ndjson" : "application/json");
        _validBatches.Add(valid);
        if (reply.Status != HttpStatusCode.OK || reply.Body.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            _anomalies.Add($"round {round}: mixed batch answered {reply.Status} {reply.Body}");
            return;
        }

        var reasons = Rejections(reply.Body);
        var accepted = reply.Body.GetProperty("accepted").GetInt32();
        if (reply.Body.GetProperty("received").GetInt32() != items.Count || accepted != valid.Count)
        {
            _anomalies.Add($"round {round}: received {reply.Body.GetProperty("received")}/{items.Count}, accepted {accepted}/{valid.Count}");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var reason = reasons.GetValueOrDefault(i);
            if (items[i].Bad is { } bad)
            {
                _outcomes.Add(new PayloadOutcome(bad.Category, reason, reason is not null && bad.ExpectedReasons.Contains(reason), bad.Json));
            }
            else if (reason is not null)
            {
                _anomalies.Add($"round {round}: valid item {items[i].Valid!.Json} refused as {reason}");
            }
        }
    }

    private async Task SendBadBodyAsync(int round, FuzzCategory kind)
    {
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var current = _stream!.StartMs + (round * BarSizeMs) + 500;
        var plausible = $$"""{"symbol":"BTC","time":{{current}},"price":{{1 + _random.Next(100_000)}}}""";
        switch (kind)
        {
            case FuzzCategory.BrokenJsonBody:
                await ExpectProblemAsync(kind, Pick("[{\"symbol\":\"BTC\",", "[1,2", "[,]", "[{]}", "[" + plausible + ",", "[" + plausible + "}", "[\"\\x\"]", "[" + RandomAscii(200)), 400);
                break;
            case FuzzCategory.NotAnArrayBody:
                await ExpectProblemAsync(kind, Pick(plausible, "42", "\"ticks\"", "null", "true", "{\"ticks\":[" + plausible + "]}"), 400);
                break;
            case FuzzCategory.EmptyBody:
                await ExpectProblemAsync(kind, Pick("", "   ", "[]", "[ ]", "\n\n\n"), 400, ndjson: _random.Next(2) == 0);
                break;
            case FuzzCategory.TooDeepBody:
                var depth = 65 + _random.Next(5_000);
                await ExpectProblemAsync(kind, new string('[', depth) + new string(']', depth), 400);
                break;
            case FuzzCategory.TrailingContentBody:
                await ExpectProblemAsync(kind, "[" + plausible + "]" + Pick(" x", "]", "[" + plausible + "]", ",{}", " // ok?\n1"), 400);
                break;
            case FuzzCategory.InvalidUtf8Body:
                await ExpectInvalidUtf8Async(plausible);
                break;
            case FuzzCategory.OnlyMalformedBody:
                await SendOnlyMalformedAsync(round, nowMs);
                break;
            case FuzzCategory.TooManyItemsBody:
                var many = Enumerable.Repeat(plausible, MaxItems + 1 + _random.Next(50)).ToList();
                var asNdjson = _random.Next(2) == 0;
                await ExpectProblemAsync(kind, asNdjson ? string.Join("\n", many) : Array(many), 413, ndjson: asNdjson);
                break;
            case FuzzCategory.OversizedBody:
                await ExpectProblemAsync(kind, Padded(plausible), 413);
                break;
            case FuzzCategory.OversizedChunkedBody:
                await ExpectProblemAsync(kind, Padded(plausible), 413, chunked: true);
                break;
            case FuzzCategory.BrokenWebSocketFrame:
                var frame = Pick("[ this is not json", "[" + plausible, "[" + plausible + "] trailing", "[]", "", new string('[', 100), "{\"symbol\":");
                var ack = await SendFrameAsync(frame);
                var ackError = ack.Body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var refusedItems = ack.Body.TryGetProperty("accepted", out var a) && a.GetInt32() == 0;
                var reason = ackError ?? (refusedItems && Rejections(ack.Body).Count > 0 ? string.Join(",", Rejections(ack.Body).Values) : null);
                _outcomes.Add(new PayloadOutcome(kind, reason, ack.Status == HttpStatusCode.OK && refusedItems && !string.IsNullOrEmpty(reason), frame));
                break;
            case FuzzCategory.OversizedWebSocketFrame:
                await SendOversizedFrameAsync(Padded(plausible));
                break;
            default:
                throw new InvalidOperationException($"{kind} is not a body kind.");
        }
    }

    /// <summary>A batch made only of malformed items: 400 with the rejections (all refused by the parser) or 200 with none accepted; every item counts.</summary>
    private async Task SendOnlyMalformedAsync(int round, long nowMs)
    {
        var ndjson = _random.Next(2) == 0;
        var bad = Enumerable.Range(0, 5 + _random.Next(60)).Select(_ => _generator!.Next(round, ndjson, nowMs)).ToList();
        var body = ndjson ? string.Join("\n", bad.Select(b => b.Json)) : Array(bad.Select(b => b.Json));
        var reply = await PostAsync(body, ndjson ? "application/x-ndjson" : "application/json");
        var statusOk = reply.Status == HttpStatusCode.BadRequest
            || (reply.Status == HttpStatusCode.OK && reply.Body.GetProperty("accepted").GetInt32() == 0);
        var reasons = reply.Body.ValueKind == JsonValueKind.Object ? Rejections(reply.Body) : [];
        for (var i = 0; i < bad.Count; i++)
        {
            var reason = reasons.GetValueOrDefault(i);
            _outcomes.Add(new PayloadOutcome(bad[i].Category, reason, statusOk && reason is not null && bad[i].ExpectedReasons.Contains(reason), bad[i].Json));
        }

        _outcomes.Add(new PayloadOutcome(FuzzCategory.OnlyMalformedBody, $"{(int)reply.Status}", statusOk && reasons.Count == bad.Count, $"{bad.Count} items"));
    }

    /// <summary>
    /// Bytes that are not UTF-8 where a property name should be: the request is unreadable (400). Inside the symbol or
    /// time string: that item alone is refused (InvalidSymbol, InvalidTime) in a 200 summary. Never a server error.
    /// </summary>
    private async Task ExpectInvalidUtf8Async(string plausible)
    {
        var invalid = Pick(new byte[] { 0xC3, 0x28 }, [0xFF], [0xE2, 0x82], [0xED, 0xA0, 0x80]);
        var time = (_stream!.StartMs + 1).ToString(CultureInfo.InvariantCulture);
        var bytes = new List<byte>();
        var variant = _random.Next(3);
        switch (variant)
        {
            case 0:
                bytes.AddRange("[{\"symbol\":\"BTC\","u8.ToArray());
                bytes.AddRange(invalid);
                bytes.AddRange(Encoding.UTF8.GetBytes("\"time\":" + time + ",\"price\":1},"));
                break;
            case 1:
                bytes.AddRange("[{\"symbol\":\"B"u8.ToArray());
                bytes.AddRange(invalid);
                bytes.AddRange(Encoding.UTF8.GetBytes("TC\",\"time\":" + time + ",\"price\":1},"));
                break;
            default:
                bytes.AddRange("[{\"symbol\":\"BTC\",\"time\":\"2026-"u8.ToArray());
                bytes.AddRange(invalid);
                bytes.AddRange(Encoding.UTF8.GetBytes("\",\"price\":1},"));
                break;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(plausible.Replace("\"BTC\"", "\"ZZNOPE\"") + "]"));
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client!.PostAsync("/api/ticks", content);
        var text = await response.Content.ReadAsStringAsync();
        var ok = variant == 0
            ? response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            : response.StatusCode == HttpStatusCode.OK
                && Rejections(JsonDocument.Parse(text).RootElement).GetValueOrDefault(0) == (variant == 1 ? "InvalidSymbol" : "InvalidTime");
        _outcomes.Add(new PayloadOutcome(FuzzCategory.InvalidUtf8Body, $"{(int)response.StatusCode}: {text}", ok, Convert.ToHexString([.. bytes])));
    }

    private async Task ExpectProblemAsync(FuzzCategory kind, string body, int status, bool ndjson = false, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ticks");
        var bytes = Encoding.UTF8.GetBytes(body);
        request.Content = chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ndjson ? "application/x-ndjson" : "application/json");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await _client!.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        string? detail = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonDocument.Parse(text).RootElement;
            detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            detail = problem.GetProperty("status").GetInt32() == status ? detail : null;
        }

        var asExpected = (int)response.StatusCode == status && !string.IsNullOrEmpty(detail);
        _outcomes.Add(new PayloadOutcome(kind, asExpected ? detail : $"{(int)response.StatusCode}: {text}", asExpected, body.Length > 300 ? body[..300] + "..." : body));
    }

    private async Task SendOversizedFrameAsync(string frame)
    {
        var socket = await SocketAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Timeout());
        }
        while (result.MessageType != WebSocketMessageType.Close);

        var status = socket.CloseStatus;
        var description = socket.CloseStatusDescription;
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        socket.Dispose();
        _socket = null;
        _outcomes.Add(new PayloadOutcome(
            FuzzCategory.OversizedWebSocketFrame,
            $"{(int?)status} {description}",
            status == WebSocketCloseStatus.MessageTooBig,
            $"{frame.Length} bytes"));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendFrameAsync(string frame)
    {
        var socket = await SocketAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        using var received = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Timeout());
            received.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            _socket = null;
            socket.Dispose();
            return (HttpStatusCode.Gone, JsonDocument.Parse($"{{\"closed\":{(int?)result.CloseStatus ?? 0}}}").RootElement);
        }

        return (HttpStatusCode.OK, JsonDocument.Parse(received.ToArray()).RootElement);
    }

    private async Task<ClientWebSocket> SocketAsync()
    {
        if (_socket is { State: WebSocketState.Open })
        {
            return _socket;
        }

        _socket?.Dispose();
        _socket = new ClientWebSocket();
        _socket.Options.SetRequestHeader("Authorization", $"Bearer {ApiServer.IngestionKey}");
        await _socket.ConnectAsync(new Uri($"ws://{Server.BaseAddress.Authority}/api/ticks/ws"), CancellationToken.None);
        return _socket;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await _client!.PostAsync("/api/ticks", content);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text[0] is '{' ? JsonDocument.Parse(text).RootElement : JsonDocument.Parse("{}").RootElement;
        return (response.StatusCode, json);
    }

    /// <summary>Reason per item index, from a 200 summary, a WebSocket ack or a 400 problem's extensions.</summary>
    public static Dictionary<int, string> Rejections(JsonElement reply)
    {
        var reasons = new Dictionary<int, string>();
        if (reply.TryGetProperty("rejections", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in list.EnumerateArray())
            {
                reasons[r.GetProperty("index").GetInt32()] = r.GetProperty("reason").GetString() ?? "";
            }
        }

        return reasons;
    }

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    private string Padded(string tick) =>
        "[" + tick.TrimEnd('}') + ",\"pad\":\"" + new string('x', MaxRequestBytes + _random.Next(8_192)) + "\"}]";

    private string RandomAscii(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)_random.Next(32, 127);
        }

        return new string(chars);
    }

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];
}
