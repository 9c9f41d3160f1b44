using System.Collections.Immutable;
using System.Diagnostics;
using AltseasonLive.Grains.Interfaces.Assets;
using AltseasonLive.Grains.Interfaces.Correlation;
using AltseasonLive.Grains.Interfaces.Live;
using AltseasonLive.Grains.Interfaces.Market;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// Where an ingest batch's time goes: replays the ingest grain's fan-out from outside, one stage at a time, on
/// sequential batches with nothing else running (asset grains, market grain, correlation groups, push notifier), and
/// times the whole <see cref="ITickIngestGrain.Ingest"/> call the same way. Service time per batch and bytes allocated
/// per tick for each stage (whole process, so Orleans messaging is included).
/// </summary>
public sealed class StageBreakdown(IGrainFactory grains, BenchTape tape, int stepsPerBatch)
{
    public async Task<IReadOnlyList<StageTiming>> RunAsync(int batches)
    {
        var stages = new Dictionary<string, (double Ms, long Bytes)>(StringComparer.Ordinal);
        long ticks = 0;
        var ingest = grains.GetGrain<ITickIngestGrain>(0);
        for (var i = 0; i < batches; i++)
        {
            var batch = tape.NextBatch(stepsPerBatch);
            ticks += batch.Length;
            // Split and grain references outside the timed stage: the ingest grain splits in one pass and keeps references.
            var bySymbol = batch.GroupBy(t => t.Symbol, StringComparer.Ordinal)
                .Select(g => (Grain: grains.GetGrain<IAssetGrain>(g.Key), Ticks: ImmutableArray.CreateRange(g)))
                .ToArray();
            await Time(stages, "1 asset grains (100 calls)", () =>
            {
                var calls = new Task[bySymbol.Length];
                for (var s = 0; s < calls.Length; s++)
                {
                    calls[s] = bySymbol[s].Grain.Ingest(bySymbol[s].Ticks);
                }

                return Task.WhenAll(calls);
            });
            await Time(stages, "2 market grain", () => grains.GetGrain<IMarketGrain>(0).Ingest(batch));
            foreach (var (anchor, partners) in tape.Universe.Groups)
            {
                var members = partners.Append(anchor).ToHashSet(StringComparer.Ordinal);
                ImmutableArray<Tick> groupTicks = [.. batch.Where(t => members.Contains(t.Symbol))];
                await Time(stages, $"3 correlation group {anchor}", () => grains.GetGrain<ICorrelationGroupGrain>(anchor).Ingest(groupTicks));
            }

            ImmutableArray<SeriesUpdate> prices = [.. batch.GroupBy(t => t.Symbol).Select(g => new SeriesUpdate(SeriesKind.Price, g.Key, g.Last().TimeMs, g.Last().Price, BarClosed: false))];
            await Time(stages, "4 push notifier", () => grains.GetGrain<IPushNotifierGrain>(0).PublishSeries(prices));
        }

        for (var i = 0; i < batches; i++)
        {
            var batch = tape.NextBatch(stepsPerBatch);
            await Time(stages, "= whole ingest call", () => ingest.Ingest(batch));
        }

        var perBatchTicks = (double)ticks / batches;
        return [.. stages.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new StageTiming(
            s.Key,
            Math.Round(s.Value.Ms / batches, 3),
            Math.Round(s.Value.Ms * 1000 / ticks, 3),
            Math.Round(s.Value.Bytes / (perBatchTicks * batches), 1)))];
    }

    private static async Task Time(Dictionary<string, (double Ms, long Bytes)> stages, string name, Func<Task> stage)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        await stage();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        stages[name] = stages.TryGetValue(name, out var sum) ? (sum.Ms + ms, sum.Bytes + bytes) : (ms, bytes);
    }
}

/// <summary>One stage's mean service time per batch (ms), per tick (µs) and bytes allocated per tick of the batch.</summary>
public sealed record StageTiming(string Stage, double MsPerBatch, double MicrosecondsPerTick, double BytesPerTick);
