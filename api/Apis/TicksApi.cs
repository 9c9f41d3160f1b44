using System.Net.WebSockets;
using System.Text.Json;
using AltseasonLive.Api.Durability;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using FromServicesAttribute = Microsoft.AspNetCore.Mvc.FromServicesAttribute;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Apis;

/// <summary>Feed ingestion for publishers: <c>POST /api/ticks</c> (JSON array or NDJSON) and the <c>/api/ticks/ws</c> stream.</summary>
public static class TicksApi
{
    public const string NdjsonContentType = "application/x-ndjson";

    /// <summary>Receive buffer a WebSocket connection starts with and returns to after each larger frame, in bytes.</summary>
    private const int InitialFrameBuffer = 16 * 1024;

    public static IEndpointRouteBuilder MapTicksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ticks")
            .WithTags("Ingestion")
            .AddEndpointFilter<IngestionKeyFilter>()
            .RequireRateLimiting(PublishRateLimitPolicy.Name);

        group.MapPost("/", PublishTicks)
            .WithName("PublishTicks")
            .WithSummary("Publishes a batch of ticks (JSON array, or NDJSON with Content-Type application/x-ndjson).")
            .Accepts<TickDocument[]>("application/json", NdjsonContentType)
            .Produces(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.Map("/ws", StreamTicks)
            .WithName("StreamTicks")
            .WithSummary("WebSocket: each text frame is a JSON array or NDJSON lines of ticks; each is answered with an ack.")
            .ExcludeFromDescription();

        return app;
    }

    public static async Task<Results<Ok<IngestSummary>, ProblemHttpResult>> PublishTicks(
        HttpContext context,
        RequestChunker ingestion,
        PublishTickBudget tickBudget,
        IngestMetrics counters,
        IOptions<IngestionOptions> options,
        SlowBodyLog slowBodies,
        [FromServices] DurableTickSink? durable,
        CancellationToken cancellationToken)
    {
        if (await RefuseStreamAsync(context, durable, cancellationToken) is { } streamRefused)
        {
            return streamRefused;
        }

        var limits = options.Value;
        if (context.Request.ContentLength > limits.MaxRequestBytes)
        {
            return TooLarge($"The body is larger than {limits.MaxRequestBytes} bytes.");
        }

        LimitedBody body;
        try
        {
            body = await LimitedBody.ReadAsync(context.Request.Body, limits.MaxRequestBytes, context.Request.ContentLength, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            slowBodies.Record(context.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Problem("The body arrived too slowly.", statusCode: StatusCodes.Status408RequestTimeout, title: "Request timeout");
        }

        using var _ = body;
        if (body.TooLarge)
        {
            return TooLarge($"The body is larger than {limits.MaxRequestBytes} bytes.");
        }

        var format = IsNdjson(context.Request.ContentType) ? TickFormat.Ndjson : TickFormat.JsonArray;
        var parsed = TickParser.Parse(body.Span, format, limits.MaxItems);
        if (parsed.TooLarge)
        {
            return TooLarge(parsed.Error ?? "Too many items.");
        }

        if (tickBudget.TryCharge(context, parsed.ItemCount) is { } overLimit)
        {
            return overLimit;
        }

        if (parsed.Error is { } error)
        {
            counters.Record(parsed.ItemCount, 0, parsed.ItemCount);
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Unreadable tick batch");
        }

        if (parsed.Ticks.IsEmpty)
        {
            counters.Record(parsed.ItemCount, 0, parsed.Rejections.Length);
            var refused = IngestSummary.Of(parsed.ItemCount, 0, parsed.Rejections, limits.MaxListedRejections);
            return TypedResults.Problem(
                "No item of the batch is a valid tick.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "No valid ticks",
                extensions: new Dictionary<string, object?> { ["rejections"] = refused.Rejections, ["rejectionsOmitted"] = refused.RejectionsOmitted });
        }

        var summary = await ingestion.PublishAsync(parsed, cancellationToken);
        counters.Record(summary.Received, summary.Accepted, summary.Rejected);
        return TypedResults.Ok(summary);
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamTicks(
        HttpContext context,
        RequestChunker ingestion,
        IngestMetrics counters,
        IOptions<IngestionOptions> options,
        IOptions<JsonOptions> json,
        PublishTickBudget tickBudget,
        StreamConnectionLimiter connections,
        IngestionKeyStore keys,
        CancellationToken cancellationToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem("Connect with a WebSocket client.", statusCode: StatusCodes.Status400BadRequest);
        }

        var limits = options.Value;
        using var lease = connections.TryOpen(PublisherPartition.Of(context, keys));
        if (lease is null)
        {
            return TypedResults.Problem(
                $"This key already holds {limits.MaxConnectionsPerKey} tick streams.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many connections");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var frameLimit = (int)Math.Min(limits.MaxFrameBytes, limits.MaxRequestBytes);
        var serializer = json.Value.SerializerOptions;
        using var frame = LimitedBody.Create(InitialFrameBuffer, poolGrowth: false);
        using var rate = tickBudget.OpenStream(context);
        long frames = 0;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                frame.Reset();
                var received = await socket.ReceiveAsync(frame.GetFreeSpace(), cancellationToken);
                if (received.MessageType != WebSocketMessageType.Close && !received.EndOfMessage)
                {
                    // A frame has begun: the rest must follow within the frame timeout, or the connection is dropped.
                    using var unfinished = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    unfinished.CancelAfter(limits.FrameTimeout);
                    while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close)
                    {
                        if (!frame.Advance(received.Count, frameLimit))
                        {
                            await CloseTooBigAsync(socket, frameLimit, cancellationToken);
                            return TypedResults.Empty;
                        }

                        received = await socket.ReceiveAsync(frame.GetFreeSpace(), unfinished.Token);
                    }
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                    return TypedResults.Empty;
                }

                if (!frame.Advance(received.Count, frameLimit))
                {
                    await CloseTooBigAsync(socket, frameLimit, cancellationToken);
                    return TypedResults.Empty;
                }

                TickFrameAck ack;
                if (rate.TryAdmitFrame() is { } frameRefused)
                {
                    ack = frameRefused.ToAck(++frames, 0);
                }
                else
                {
                    var parsed = TickParser.Parse(frame.Span, TickParser.Detect(frame.Span), limits.MaxItems);
                    ack = rate.TryAdmitTicks(parsed.ItemCount) is { } ticksRefused
                        ? ticksRefused.ToAck(++frames, parsed.ItemCount)
                        : await AcknowledgeAsync(++frames, parsed, ingestion, counters, limits.MaxListedRejections, cancellationToken);
                }

                // A large frame must not keep its buffer for the life of an idle connection.
                frame.Shrink(InitialFrameBuffer);
                var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, serializer);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                if (rate.ShouldClose)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, rate.CloseDescription, cancellationToken);
                    return TypedResults.Empty;
                }
            }
        }
        catch (WebSocketException)
        {
            // The publisher went away mid-frame; nothing of that frame was published.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The frame timeout fired: the half-sent frame is dropped with the connection (the socket is aborted).
        }

        return TypedResults.Empty;
    }

    private static Task CloseTooBigAsync(WebSocket socket, int limit, CancellationToken ct) =>
        socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Frames are limited to {limit} bytes.", ct);

    private static async Task<TickFrameAck> AcknowledgeAsync(
        long frame, ParsedTicks parsed, RequestChunker ingestion, IngestMetrics counters, int maxListed, CancellationToken ct)
    {
        if (parsed.Error is { } error)
        {
            counters.Record(parsed.ItemCount, 0, parsed.ItemCount);
            return new TickFrameAck(frame, parsed.ItemCount, 0, parsed.ItemCount, [], error);
        }

        var summary = parsed.Ticks.IsEmpty
            ? IngestSummary.Of(parsed.ItemCount, 0, parsed.Rejections, maxListed)
            : await ingestion.PublishAsync(parsed, ct);
        counters.Record(summary.Received, summary.Accepted, summary.Rejected);
        return new TickFrameAck(frame, summary.Received, summary.Accepted, summary.Rejected, summary.Rejections, null, RejectionsOmitted: summary.RejectionsOmitted);
    }

    /// <summary>A 400 for stream headers that are malformed, jump too far, or open a stream beyond the key's limit; null to go ahead.</summary>
    private static async Task<ProblemHttpResult?> RefuseStreamAsync(HttpContext context, DurableTickSink? durable, CancellationToken ct)
    {
        var headers = StreamHeaders.Read(context.Request);
        if (headers.Error is { } error)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid stream headers");
        }

        if (headers.Id is not { } id || durable is null)
        {
            return null;
        }

        var scope = StreamScope.Of(context.Request.Headers.Authorization.ToString());
        var position = new StreamPosition(StreamScope.Scoped(scope, id), headers.Sequence, 0);
        return await durable.AdmitStreamAsync(position, scope, ct) is { } refused
            ? TypedResults.Problem(refused, statusCode: StatusCodes.Status400BadRequest, title: "Stream refused")
            : null;
    }

    private static bool IsNdjson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith(NdjsonContentType, StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tick batch too large");
}
