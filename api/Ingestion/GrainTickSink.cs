using System.Collections.Immutable;
using AltseasonLive.Feeds;

namespace AltseasonLive.Api.Ingestion;

/// <summary>Routes the built-in feeds (history replay, synthetic live) into the market through <see cref="ITickPublisher"/>.</summary>
public sealed partial class GrainTickSink(ITickPublisher publisher, ILogger<GrainTickSink> logger) : ITickSink
{
    public async ValueTask PublishAsync(ReadOnlyMemory<Grains.Interfaces.Ticks.Tick> batch, CancellationToken cancellationToken)
    {
        if (batch.IsEmpty)
        {
            return;
        }

        var result = await publisher.PublishAsync(ImmutableArray.Create(batch.Span), cancellationToken);
        if (result.Rejected > 0)
        {
            LogRejected(result.Rejected, batch.Length, result.Rejections[0].Reason.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed batch: {Rejected} of {Ticks} ticks rejected (first: {Reason})")]
    private partial void LogRejected(int rejected, int ticks, string reason);
}
