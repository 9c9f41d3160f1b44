using System.Collections.Immutable;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Durability;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Market;

/// <summary>
/// Relative strength of one symbol against a benchmark (key "RUT|SPX"): emits an <see cref="OutperformanceStreak"/>
/// when the streak reaches the configured length and again at each further session it extends. State is written
/// per session: sessions are bars of equity indices, far rarer than ticks.
/// </summary>
public sealed class OutperformanceGrain : Grain, IOutperformanceGrain
{
    private readonly IPersistentState<OutperformanceState> _state;
    private readonly MarketSignalOptions _signals;
    private string _symbol = "";
    private string _benchmark = "";

    public OutperformanceGrain(
        [PersistentState("outperformance", StorageNames.Default)] IPersistentState<OutperformanceState> state,
        IOptions<MarketSignalOptions> signals)
    {
        _state = state;
        _signals = signals.Value;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var legs = this.GetPrimaryKeyString().Split('|');
        _symbol = legs[0];
        _benchmark = legs.Length > 1 ? legs[1] : "";
        return Task.CompletedTask;
    }

    public async Task OnBarClosed(string symbol, long barStartMs, double close)
    {
        if (symbol != _symbol && symbol != _benchmark)
        {
            return;
        }

        var isSymbol = symbol == _symbol;
        if (LogPosition.AlreadyApplied(isSymbol ? _state.State.SymbolLogPosition : _state.State.BenchmarkLogPosition))
        {
            return;
        }

        if (LogPosition.Current is { } position)
        {
            if (isSymbol)
            {
                _state.State.SymbolLogPosition = position;
            }
            else
            {
                _state.State.BenchmarkLogPosition = position;
            }
        }

        if (symbol == _symbol)
        {
            _state.State.LastSymbolBarMs = Math.Max(_state.State.LastSymbolBarMs ?? long.MinValue, barStartMs);
        }
        else
        {
            _state.State.LastBenchmarkBarMs = Math.Max(_state.State.LastBenchmarkBarMs ?? long.MinValue, barStartMs);
        }

        var events = _state.State.OnBarClosed(_symbol, _benchmark, symbol == _symbol, barStartMs, close, _signals.StreakLength);
        await _state.WriteStateAsync();
        if (events.Count > 0)
        {
            await GrainFactory.GetGrain<IEventLogGrain>(0).Append([.. events]);
        }
    }

    public Task<int> GetStreak() => Task.FromResult(_state.State.Streak);

    public Task<OutperformanceSnapshot> GetSnapshot() => Task.FromResult(
        new OutperformanceSnapshot(_symbol, _benchmark, _state.State.Streak, _state.State.LastSymbolBarMs, _state.State.LastBenchmarkBarMs));
}
