using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Storage;
using AltseasonLive.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Events;

/// <summary>
/// The single event log (key 0). Events raised inside a tick batch (<see cref="EventBatch"/>) are held until
/// <see cref="Seal"/> and then numbered in <see cref="EventOrder"/>, so a batch replayed after a crash numbers its events
/// exactly as the first time; events appended outside a batch are numbered at once. Sequence numbers are assigned and
/// written before the call returns, so a restart continues without gaps or repeats; only the newest
/// <see cref="EventLogOptions.Retention"/> events are kept for <see cref="GetSince"/>. Numbered events are handed to the
/// push notifier for live observers.
/// </summary>
public sealed class EventLogGrain : Grain, IEventLogGrain
{
    private readonly IPersistentState<EventLogState> _state;
    private readonly int _retention;
    private readonly GrainMetrics _metrics;
    private readonly List<MarketEvent> _held = [];

    public EventLogGrain(
        [PersistentState("events", StorageNames.Default)] IPersistentState<EventLogState> state,
        IOptions<EventLogOptions> options,
        GrainMetrics metrics)
    {
        _state = state;
        _metrics = metrics;
        _retention = options.Value.Retention;
    }

    public Task<ImmutableArray<MarketEvent>> Append(ImmutableArray<MarketEvent> events)
    {
        if (events.IsDefaultOrEmpty)
        {
            return Task.FromResult(ImmutableArray<MarketEvent>.Empty);
        }

        if (RequestContext.Get(EventBatch.ContextKey) is true)
        {
            _held.AddRange(events);
            return Task.FromResult(events);
        }

        return Log(events);
    }

    public Task<ImmutableArray<MarketEvent>> Seal()
    {
        if (LogPosition.Current is { } value)
        {
            var batch = LogPosition.BatchOf(value);
            if (batch <= _state.State.SealedPosition)
            {
                // Applied again from the ingest log after a node was lost: this batch's events are numbered already.
                _held.Clear();
                return Task.FromResult(ImmutableArray<MarketEvent>.Empty);
            }

            _state.State.SealedPosition = batch;
        }

        if (_held.Count == 0)
        {
            return Task.FromResult(ImmutableArray<MarketEvent>.Empty);
        }

        _held.Sort(EventOrder.Instance);
        var held = _held.ToImmutableArray();
        _held.Clear();
        return Log(held);
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

    public async Task MarkSimulatedFrom(long? fromMs)
    {
        if (_state.State.SimulatedFromMs != fromMs)
        {
            _state.State.SimulatedFromMs = fromMs;
            await _state.WriteStateAsync();
        }
    }

    private async Task<ImmutableArray<MarketEvent>> Log(ImmutableArray<MarketEvent> events)
    {
        var logged = ImmutableArray.CreateBuilder<MarketEvent>(events.Length);
        var state = _state.State;
        foreach (var e in events)
        {
            var numbered = e with { Sequence = ++state.LastSequence, Simulated = state.SimulatedFromMs is { } from && e.TimeMs >= from };
            logged.Add(numbered);
            state.Events.Add(numbered);
        }

        if (state.Events.Count > _retention)
        {
            state.Events.RemoveRange(0, state.Events.Count - _retention);
        }

        await _state.WriteStateAsync();
        _metrics.AddEventsLogged(events.Length);
        var result = logged.MoveToImmutable();
        await GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishEvents(result);
        return result;
    }
}
