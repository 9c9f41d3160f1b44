using System.Collections.Immutable;
using AltseasonLive.Grains.Common;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Keeps the newest <see cref="SeriesHistoryOptions.Length"/> bar closes of one series. Written like the other grains:
/// throttled, and on deactivation.
/// </summary>
public sealed class SeriesHistoryGrain : Grain, ISeriesHistoryGrain
{
    private readonly IPersistentState<SeriesHistoryState> _state;
    private readonly int _length;
    private readonly WriteThrottle _throttle;

    public SeriesHistoryGrain(
        [PersistentState("series-history", StorageNames.Default)] IPersistentState<SeriesHistoryState> state,
        IOptions<SeriesHistoryOptions> options,
        IOptions<StorageOptions> storage,
        TimeProvider clock)
    {
        _state = state;
        _length = options.Value.Length;
        _throttle = new WriteThrottle(clock, storage.Value.WriteInterval);
    }

    public async Task Append(ImmutableArray<HistoryPoint> closes)
    {
        var list = _state.State.Closes;
        foreach (var close in closes)
        {
            if (list.Count > 0 && list[^1].TimeMs >= close.TimeMs)
            {
                if (list[^1].TimeMs == close.TimeMs)
                {
                    list[^1] = close;
                }

                continue;
            }

            list.Add(close);
        }

        if (list.Count > _length)
        {
            list.RemoveRange(0, list.Count - _length);
        }

        _throttle.MarkDirty();
        if (_throttle.IsDue)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    /// <summary>Writes the state if it changed (appends are idempotent, so the ingest log's replays need no position here).</summary>
    public async Task Flush()
    {
        if (_throttle.Dirty)
        {
            await _state.WriteStateAsync();
            _throttle.MarkWritten();
        }
    }

    /// <summary>Nothing to discard: appends are idempotent, so a replay over a newer stored state changes nothing.</summary>
    public Task Discard() => Task.CompletedTask;

    public Task<ImmutableArray<HistoryPoint>> Get() => Task.FromResult(_state.State.Closes.ToImmutableArray());

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_throttle.Dirty)
        {
            await _state.WriteStateAsync(cancellationToken);
        }
    }
}
