using System.Collections.Immutable;

namespace AltseasonLive.Api.Push;

/// <summary>
/// Puts the events that reach this hub back into sequence order before any client sees them. Events arrive from the
/// grains in batches that may overtake each other (several push activations, several silos); an event above the next
/// expected sequence is held until the ones before it arrive, and when a gap outlives the hold time the missing range
/// is fetched from the event log (<see cref="TryBeginRefetch"/>). Nothing below the next expected sequence is ever
/// released twice, and nothing above it is dropped. Until <see cref="Start"/> gives the log's position, every event is
/// held. Thread-safe: the grain observer offers, the flush loop takes.
/// </summary>
public sealed class EventSequencer(PushCounters counters, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, HubEvent> _held = [];
    private readonly List<HubEvent> _ready = [];
    private long _next;
    private long _gapSince;
    private long _quietSince;
    private bool _refetching;

    /// <summary>True once <see cref="Start"/> set the position; before that every event is held.</summary>
    public bool IsStarted
    {
        get
        {
            lock (_gate)
            {
                return _next > 0;
            }
        }
    }

    /// <summary>The next sequence number this hub releases (0 before <see cref="Start"/>).</summary>
    public long NextSequence
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    /// <summary>Events held back because an earlier sequence has not arrived yet.</summary>
    public int HeldCount
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>
    /// Sets the position once: events up to <paramref name="lastSequence"/> are already in the log and reach clients by
    /// their catch-up, so this hub releases from the one after it.
    /// </summary>
    public void Start(long lastSequence)
    {
        lock (_gate)
        {
            if (_next > 0)
            {
                return;
            }

            _next = lastSequence + 1;
            foreach (var sequence in _held.Keys.Where(s => s < _next).ToList())
            {
                _held.Remove(sequence);
            }

            ReleaseContiguous();
        }
    }

    /// <summary>
    /// Moves past events the log no longer keeps (after <paramref name="lastSequence"/> was out of retention): each
    /// client's own replay then sees the gap and resyncs.
    /// </summary>
    public void SkipTo(long lastSequence)
    {
        lock (_gate)
        {
            if (_next == 0 || lastSequence < _next)
            {
                return;
            }

            _next = lastSequence + 1;
            foreach (var sequence in _held.Keys.Where(s => s < _next).ToList())
            {
                _held.Remove(sequence);
            }

            ReleaseContiguous();
        }
    }

    /// <summary>
    /// Takes events from the grains (or a refetch) in any order; returns true when some became ready to send.
    /// </summary>
    public bool Offer(IReadOnlyList<HubEvent> events, bool refetched = false)
    {
        lock (_gate)
        {
            int outOfOrder = 0, taken = 0;
            var before = _ready.Count;
            long previous = 0;
            var highest = 0L;
            foreach (var e in events)
            {
                if (e.Sequence < previous)
                {
                    outOfOrder++;
                }

                previous = e.Sequence;
                if ((_next > 0 && e.Sequence < _next) || !_held.TryAdd(e.Sequence, e))
                {
                    continue;
                }

                taken++;
                highest = Math.Max(highest, e.Sequence);
            }

            ReleaseContiguous();
            if (refetched)
            {
                counters.AddEventsRefetched(taken);
                _refetching = false;
            }
            else if (highest >= _next && taken > 0)
            {
                // Still held after the release: these arrived before an earlier sequence.
                counters.AddEventsHeldBack(CountHeldFrom(events));
            }

            counters.AddEventsOutOfOrder(outOfOrder);
            return _ready.Count > before;
        }
    }

    /// <summary>The events ready to send, in sequence order without gaps; empty when none.</summary>
    public ImmutableArray<HubEvent> TakeReady()
    {
        lock (_gate)
        {
            if (_ready.Count == 0)
            {
                return [];
            }

            var ready = _ready.ToImmutableArray();
            _ready.Clear();
            return ready;
        }
    }

    /// <summary>
    /// True when a gap has lasted longer than <paramref name="holdFor"/> and no refetch is running: the caller then
    /// reads the log after <paramref name="afterSequence"/> and offers the result with <c>refetched: true</c> (or calls
    /// <see cref="RefetchFailed"/>).
    /// </summary>
    public bool TryBeginRefetch(TimeSpan holdFor, out long afterSequence)
    {
        lock (_gate)
        {
            afterSequence = _next - 1;
            if (_next == 0 || _held.Count == 0 || _refetching || time.GetElapsedTime(_gapSince) < holdFor)
            {
                return false;
            }

            _refetching = true;
            return true;
        }
    }

    /// <summary>
    /// True when no refetch is running and nothing was released for <paramref name="quietFor"/>: the caller reads the log after <paramref name="afterSequence"/> and offers the
    /// result like a refetch. Events raised while this hub was not registered with the grains (the registry's node died
    /// and the hub re-registered) reach no hub, and when no later event follows nothing else would reveal that gap.
    /// </summary>
    public bool TryBeginTailCheck(TimeSpan quietFor, out long afterSequence)
    {
        lock (_gate)
        {
            afterSequence = _next - 1;
            if (_next == 0 || _refetching || time.GetElapsedTime(_quietSince) < quietFor)
            {
                return false;
            }

            _refetching = true;
            _quietSince = time.GetTimestamp();
            return true;
        }
    }

    /// <summary>A refetch did not complete; the next check may start another.</summary>
    public void RefetchFailed()
    {
        lock (_gate)
        {
            _refetching = false;
            _gapSince = time.GetTimestamp();
        }
    }

    private int CountHeldFrom(IReadOnlyList<HubEvent> events)
    {
        var held = 0;
        foreach (var e in events)
        {
            if (_held.TryGetValue(e.Sequence, out var kept) && ReferenceEquals(kept, e))
            {
                held++;
            }
        }

        return held;
    }

    private void ReleaseContiguous()
    {
        if (_next == 0)
        {
            return;
        }

        var hadGap = _held.Count > 0;
        var released = 0;
        while (_held.Remove(_next, out var e))
        {
            _ready.Add(e);
            _next++;
            released++;
        }

        if (released > 0)
        {
            _quietSince = time.GetTimestamp();
        }

        if (_held.Count > 0 && (!hadGap || released > 0))
        {
            _gapSince = time.GetTimestamp();
        }
    }
}
