using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Events;

/// <summary>
/// The single event log (key 0). Sequence numbers are assigned and written before <see cref="Append"/> returns, so a
/// restart continues without gaps or repeats; only the newest <see cref="EventLogOptions.Retention"/> events are kept for
/// <see cref="GetSince"/>. Logged events are handed to the push notifier for live observers.
/// </summary>
public sealed class EventLogGrain : Grain, IEventLogGrain
{
    private readonly IPersistentState<EventLogState> _state;
    private readonly int _retention;

    public EventLogGrain(
        [PersistentState("events", StorageNames.Default)] IPersistentState<EventLogState> state,
        IOptions<EventLogOptions> options)
    {
        _state = state;
        _retention = Math.Max(1, options.Value.Retention);
    }

    public async Task<ImmutableArray<MarketEvent>> Append(ImmutableArray<MarketEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return [];
        }

        var logged = ImmutableArray.CreateBuilder<MarketEvent>(events.Length);
        var state = _state.State;
        foreach (var e in events)
        {
            var numbered = e with { Sequence = ++state.LastSequence };
            logged.Add(numbered);
            state.Events.Add(numbered);
        }

        if (state.Events.Count > _retention)
        {
            state.Events.RemoveRange(0, state.Events.Count - _retention);
        }

        await _state.WriteStateAsync();
        var result = logged.MoveToImmutable();
        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishEvents(result);
        return result;
    }

    public Task<EventPage> GetSince(long afterSequence, int max)
    {
        var state = _state.State;
        var events = state.Events;
        var oldest = events.Count > 0 ? events[0].Sequence : state.LastSequence + 1;
        var truncated = afterSequence + 1 < oldest && afterSequence < state.LastSequence;
        var start = events.FindIndex(e => e.Sequence > afterSequence);
        if (start < 0 || max <= 0)
        {
            return Task.FromResult(new EventPage([], state.LastSequence, oldest, truncated, start >= 0 && max <= 0));
        }

        var count = Math.Min(max, events.Count - start);
        var page = events.GetRange(start, count).ToImmutableArray();
        return Task.FromResult(new EventPage(page, state.LastSequence, oldest, truncated, start + count < events.Count));
    }
}
