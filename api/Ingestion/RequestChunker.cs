using AltseasonLive.Feeds;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// What a publisher's request adds to the <see cref="ITickSink"/>: it goes out in grain-sized chunks
/// (<see cref="IngestionOptions.GrainBatchSize"/> ticks), and the parse-time and grain-side refusals come back merged into
/// one summary whose indexes refer to the original request.
/// </summary>
public sealed class RequestChunker(ITickSink sink, IOptions<IngestionOptions> options)
{
    public async Task<IngestSummary> PublishAsync(ParsedTicks parsed, CancellationToken cancellationToken)
    {
        var rejections = parsed.Rejections.ToBuilder();
        var accepted = 0;
        var chunkSize = options.Value.GrainBatchSize;
        for (var start = 0; start < parsed.Ticks.Length; start += chunkSize)
        {
            var length = Math.Min(chunkSize, parsed.Ticks.Length - start);
            var result = await sink.PublishAsync(parsed.Ticks.AsMemory().Slice(start, length), cancellationToken);
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
