using System.Collections.Concurrent;
using AltseasonLive.Api.Durability;
using AltseasonLive.Api.Tests.Infrastructure;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.DependencyInjection;

namespace AltseasonLive.Api.Tests.Feeds;

public sealed class FeedRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "altseasonlive-api-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The product's sink path (the journal when durable, then the grains), recording each batch with its verdicts.</summary>
    private sealed class RecordingSink(GrainTickSink grains, DurableTickSink? durable = null) : ITickSink
    {
        public ConcurrentQueue<(Tick[] Ticks, TickBatchResult Result)> Batches { get; } = new();

        public async ValueTask<TickBatchResult> PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
        {
            var result = await ((ITickSink?)durable ?? grains).PublishAsync(batch, cancellationToken);
            Batches.Enqueue((batch.ToArray(), result));
            return result;
        }
    }

    private async Task<(Tick[] Ticks, TickBatchResult Result)[]> RunAsync(Func<ConcurrentQueue<(Tick[] Ticks, TickBatchResult Result)>, bool> until)
    {
        var server = await ApiServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = Path.Combine(_folder, "state.db"),
                ["Feeds:Mode"] = "Demo",
                ["Feeds:Replay:Enabled"] = "true",
                ["Feeds:Replay:From"] = "2026-03-25",
                ["Feeds:Replay:To"] = "2026-03-27",
                ["Feeds:Replay:IncludeCoins"] = "false",
                ["Feeds:Synthetic:Enabled"] = "true",
                ["Feeds:Synthetic:DayInterval"] = "00:00:00.200",
                ["Feeds:Synthetic:TicksPerDay"] = "2",
                ["Feeds:Synthetic:Coins"] = "2",
            },
            services =>
            {
                services.AddSingleton<RecordingSink>();
                services.AddSingleton<ITickSink>(sp => sp.GetRequiredService<RecordingSink>());
            });
        var sink = server.Services.GetRequiredService<RecordingSink>();
        try
        {
            Assert.True(SpinWait.SpinUntil(() => until(sink.Batches), TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await server.DisposeAsync();
        }

        return sink.Batches.ToArray();
    }

    private static IEnumerable<Tick> Accepted((Tick[] Ticks, TickBatchResult Result) batch)
    {
        var rejected = batch.Result.Rejections.IsDefault ? [] : batch.Result.Rejections.Select(r => r.Index).ToHashSet();
        return batch.Ticks.Where((_, i) => !rejected.Contains(i));
    }

    [Fact]
    public async Task A_restart_on_the_same_state_skips_the_held_history_and_continues_after_the_held_day()
    {
        var firstRunUntil = ReplayDay.TimeMsOf(new DateOnly(2026, 4, 3));
        var first = await RunAsync(q => q.Any(b => b.Ticks.Length > 0 && b.Ticks[0].TimeMs >= firstRunUntil));
        var held = first.SelectMany(Accepted).ToArray();
        var heldLastMs = held.Max(t => t.TimeMs);
        var heldBtc = held.Where(t => t.Symbol == "BTC").MaxBy(t => t.TimeMs).Price;
        Assert.True(heldLastMs >= firstRunUntil);

        var second = await RunAsync(q => q.Count >= 4);
        var heldDay = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(heldLastMs).UtcDateTime);
        Assert.Equal(ReplayDay.TimeMsOf(heldDay.AddDays(1)), second[0].Ticks[0].TimeMs);
        Assert.All(second.Take(4), b => Assert.Equal(0, b.Result.Rejected));
        var resumedBtc = second[0].Ticks.Single(t => t.Symbol == "BTC").Price;
        Assert.InRange(resumedBtc, heldBtc * 0.8, heldBtc * 1.25);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }
}
