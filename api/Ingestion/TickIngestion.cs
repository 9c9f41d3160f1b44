using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// Publishes a parsed request in grain-sized chunks and merges parse-time and grain-side refusals into one summary whose
/// indexes refer to the original request.
/// </summary>
public sealed class TickIngestion(ITickPublisher publisher, IOptions<IngestionOptions> options)
{
    public async Task<IngestSummary> PublishAsync(ParsedTicks parsed, CancellationToken cancellationToken)
    {
        var rejections = parsed.Rejections.ToBuilder();
        var accepted = 0;
        var chunkSize = options.Value.GrainBatchSize;
        for (var start = 0; start < parsed.Ticks.Length; start += chunkSize)
        {
            var length = Math.Min(chunkSize, parsed.Ticks.Length - start);
            var chunk = parsed.Ticks.Slice(start, length);
            var result = await publisher.PublishAsync(chunk, cancellationToken);
            accepted += result.Accepted;
            if (!result.Rejections.IsDefaultOrEmpty)
            {
                foreach (var r in result.Rejections)
                {
                    rejections.Add(new IngestRejection(
                        parsed.SourceIndexes[start + r.Index], r.Reason.ToString(), r.Symbol, RejectionDetail.Describe(r.Reason)));
                }
            }
        }

        rejections.Sort((a, b) => a.Index.CompareTo(b.Index));
        return IngestSummary.Of(parsed.ItemCount, accepted, rejections.ToImmutable(), options.Value.MaxListedRejections);
    }
}
