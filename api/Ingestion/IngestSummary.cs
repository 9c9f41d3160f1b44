using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Outcome of one publish request or WebSocket frame: counts and the reason for refused items, by index. At most
/// <see cref="IngestionOptions.MaxListedRejections"/> are listed; <see cref="RejectionsOmitted"/> counts the rest.
/// </summary>
public sealed record IngestSummary(
    int Received,
    int Accepted,
    int Rejected,
    ImmutableArray<IngestRejection> Rejections,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int RejectionsOmitted = 0)
{
    /// <summary>A summary listing the first <paramref name="maxListed"/> of <paramref name="rejections"/> (index order).</summary>
    public static IngestSummary Of(int received, int accepted, ImmutableArray<IngestRejection> rejections, int maxListed) =>
        rejections.Length <= maxListed
            ? new IngestSummary(received, accepted, rejections.Length, rejections)
            : new IngestSummary(received, accepted, rejections.Length, rejections[..maxListed], rejections.Length - maxListed);
}
