using System.Collections.Immutable;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Market;
using AltseasonLive.Api.Push;

namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>
/// Test double for the market read side: an in-memory event log with bounded retention (sequences 1, 2, 3...) and
/// snapshots that say which topic they are for. <see cref="Publish"/> logs events, then fans them out like the grains do.
/// </summary>
public sealed class FakeMarketQueries(int retention) : IMarketQueries
{
    private readonly Lock _gate = new();
    private readonly List<HubEvent> _log = [];
    private long _lastSequence;

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>Appends events with the next sequences (payload padded to <paramref name="padding"/> chars) and returns them.</summary>
    public ImmutableArray<HubEvent> Append(int count, int padding = 0)
    {
        lock (_gate)
        {
            var events = Enumerable.Range(0, count).Select(_ =>
            {
                var sequence = ++_lastSequence;
                return new HubEvent(sequence, sequence * 1000, "TestEvent", $"event {sequence}", new { Padding = new string('x', padding) });
            }).ToImmutableArray();
            _log.AddRange(events);
            if (_log.Count > retention)
            {
                _log.RemoveRange(0, _log.Count - retention);
            }

            return events;
        }
    }

    public Task<SnapshotMessage?> GetSnapshotAsync(MarketTopic topic, CancellationToken cancellationToken) =>
        Task.FromResult<SnapshotMessage?>(topic.Kind == MarketTopicKind.Asset && topic.Argument == "NOPE"
            ? null
            : new SnapshotMessage(topic.ToString(), LastSequence, new { Topic = topic.ToString(), Value = -1.0 }));

    public Task<HubEventPage> GetEventsSinceAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var oldest = _log.Count == 0 ? _lastSequence + 1 : _log[0].Sequence;
            var events = _log.Where(e => e.Sequence > afterSequence).Take(max).ToImmutableArray();
            return Task.FromResult(new HubEventPage(events, _lastSequence, oldest, afterSequence + 1 < oldest));
        }
    }

    public Task<HubEventPage> GetRecentEventsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var oldest = _log.Count == 0 ? _lastSequence + 1 : _log[0].Sequence;
            var events = _log.Skip(Math.Max(0, _log.Count - count)).ToImmutableArray();
            return Task.FromResult(new HubEventPage(events, _lastSequence, oldest, false));
        }
    }
}
