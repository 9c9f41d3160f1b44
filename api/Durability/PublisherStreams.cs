using System.Globalization;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// Reads a publisher's stream position from the current <c>POST /api/ticks</c> request: headers
/// <see cref="StreamIdHeader"/> (1-64 characters) and <see cref="SequenceHeader"/> (a non-negative integer the publisher
/// increases with every request). Each grain-sized chunk of the request gets the next chunk index. Requests without the
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

        var id = context.Request.Headers[StreamIdHeader].ToString();
        var sequenceText = context.Request.Headers[SequenceHeader].ToString();
        if (id.Length is 0 or > 64 || !long.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return null;
        }

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
