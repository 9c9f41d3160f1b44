namespace AltseasonLive.Api.Durability;

/// <summary>
/// Reads a publisher's stream position from the current <c>POST /api/ticks</c> request: headers
/// <see cref="StreamIdHeader"/> and <see cref="SequenceHeader"/> (a non-negative integer the publisher increases with
/// every request; see <see cref="StreamHeaders"/>), the id scoped to the request's key (<see cref="StreamScope"/>). Each grain-sized chunk of the request gets the next chunk index. Requests without the
/// headers, WebSocket frames and the built-in feeds carry no stream position.
/// </summary>
public sealed class PublisherStreams(IHttpContextAccessor http)
{
    public const string StreamIdHeader = "X-Stream-Id";
    public const string SequenceHeader = "X-Stream-Sequence";
    public const string DuplicateHeader = "X-Stream-Duplicate";

    private const string ChunkItem = "altseason.stream-chunk";

    /// <summary>The stream position of the next chunk of the current request, or null.</summary>
    public StreamPosition? NextChunk()
    {
        if (http.HttpContext is not { } context || context.WebSockets.IsWebSocketRequest)
        {
            return null;
        }

        var headers = StreamHeaders.Read(context.Request);
        if (headers.Id is not { } id)
        {
            return null;
        }

        var sequence = headers.Sequence;
        id = StreamScope.Scoped(StreamScope.Of(context.Request.Headers.Authorization.ToString()), id);
        var chunk = context.Items.TryGetValue(ChunkItem, out var value) && value is int next ? next : 0;
        context.Items[ChunkItem] = chunk + 1;
        return new StreamPosition(id, sequence, chunk);
    }

    /// <summary>Tells the publisher (response header) that a chunk of this request had already been applied.</summary>
    public void MarkDuplicate()
    {
        if (http.HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.Headers[DuplicateHeader] = "true";
        }
    }
}
