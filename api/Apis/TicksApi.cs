using System.Net.WebSockets;
using System.Text.Json;
using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Apis;

/// <summary>Feed ingestion for publishers: <c>POST /api/ticks</c> (JSON array or NDJSON) and the <c>/api/ticks/ws</c> stream.</summary>
public static class TicksApi
{
    public const string NdjsonContentType = "application/x-ndjson";

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
        TickIngestion ingestion,
        PublishTickBudget tickBudget,
        IngestMetrics counters,
        IOptions<IngestionOptions> options,
        CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (context.Request.ContentLength > limits.MaxRequestBytes)
        {
            return TooLarge($"The body is larger than {limits.MaxRequestBytes} bytes.");
        }

        using var body = await LimitedBody.ReadAsync(
            context.Request.Body, limits.MaxRequestBytes, context.Request.ContentLength, cancellationToken);
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
            return TypedResults.Problem(
                "No item of the batch is a valid tick.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "No valid ticks",
                extensions: new Dictionary<string, object?> { ["rejections"] = parsed.Rejections });
        }

        var summary = await ingestion.PublishAsync(parsed, cancellationToken);
        counters.Record(summary.Received, summary.Accepted, summary.Rejected);
        return TypedResults.Ok(summary);
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamTicks(
        HttpContext context,
        TickIngestion ingestion,
        IngestMetrics counters,
        IOptions<IngestionOptions> options,
        IOptions<JsonOptions> json,
        PublishTickBudget tickBudget,
        CancellationToken cancellationToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return TypedResults.Problem("Connect with a WebSocket client.", statusCode: StatusCodes.Status400BadRequest);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var limits = options.Value;
        var serializer = json.Value.SerializerOptions;
        using var frame = LimitedBody.Create(64 * 1024);
        using var rate = tickBudget.OpenStream(context);
        long frames = 0;
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                frame.Reset();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(frame.GetFreeSpace(), cancellationToken);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                        return TypedResults.Empty;
                    }

                    if (!frame.Advance(received.Count, limits.MaxRequestBytes))
                    {
                        await socket.CloseAsync(
                            WebSocketCloseStatus.MessageTooBig, $"Frames are limited to {limits.MaxRequestBytes} bytes.", cancellationToken);
                        return TypedResults.Empty;
                    }
                }
                while (!received.EndOfMessage);

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
                        : await AcknowledgeAsync(++frames, parsed, ingestion, counters, cancellationToken);
                }

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

        return TypedResults.Empty;
    }

    private static async Task<TickFrameAck> AcknowledgeAsync(
        long frame, ParsedTicks parsed, TickIngestion ingestion, IngestMetrics counters, CancellationToken ct)
    {
        if (parsed.Error is { } error)
        {
            counters.Record(parsed.ItemCount, 0, parsed.ItemCount);
            return new TickFrameAck(frame, parsed.ItemCount, 0, parsed.ItemCount, [], error);
        }

        var summary = parsed.Ticks.IsEmpty
            ? new IngestSummary(parsed.ItemCount, 0, parsed.Rejections.Length, parsed.Rejections)
            : await ingestion.PublishAsync(parsed, ct);
        counters.Record(summary.Received, summary.Accepted, summary.Rejected);
        return new TickFrameAck(frame, summary.Received, summary.Accepted, summary.Rejected, summary.Rejections, null);
    }

    private static bool IsNdjson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith(NdjsonContentType, StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tick batch too large");
}
