using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Grains.Events;

/// <summary>
/// Wraps every <see cref="ITickIngestGrain.Ingest"/> call: the calls it makes carry <see cref="EventBatch.ContextKey"/>,
/// and when it returns (or fails) the event log seals the batch, so the caller's acknowledgement comes after the batch's
/// events are numbered and persisted.
/// </summary>
public sealed class EventBatchFilter(IGrainFactory grains) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is not ITickIngestGrain || context.MethodName != nameof(ITickIngestGrain.Ingest))
        {
            await context.Invoke();
            return;
        }

        RequestContext.Set(EventBatch.ContextKey, true);
        try
        {
            await context.Invoke();
        }
        finally
        {
            RequestContext.Remove(EventBatch.ContextKey);
            await grains.GetGrain<IEventLogGrain>(0).Seal();
        }
    }
}
