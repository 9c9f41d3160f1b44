using System.Collections.Concurrent;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Ticks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AltseasonLive.History.Tests;

public sealed class FeedsHostingTests
{
    private sealed class CollectingSink : ITickSink
    {
        public ConcurrentQueue<Tick[]> Batches { get; } = new();

        public ValueTask PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken)
        {
            Batches.Enqueue(batch.ToArray());
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task AddAltseasonFeeds_replays_the_configured_days_then_continues_with_synthetic_ticks()
    {
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feeds:Replay:From"] = "2026-03-25",
            ["Feeds:Replay:To"] = "2026-03-31",
            ["Feeds:Synthetic:TicksPerSecond"] = "2000",
            ["Feeds:Synthetic:Coins"] = "3",
        });
        builder.Services.AddSingleton<ITickSink>(sink);
        builder.Services.AddAltseasonFeeds(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            Assert.True(SpinWait.SpinUntil(() => sink.Batches.Count >= 10, TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await host.StopAsync();
        }

        var batches = sink.Batches.ToArray();
        var replayDays = Enumerable.Range(0, 7).Select(i => ReplayDay.TimeMsOf(new DateOnly(2026, 3, 25).AddDays(i))).ToArray();
        Assert.Equal(replayDays, batches.Take(7).Select(b => b[0].TimeMs));
        var synthetic = batches.Skip(7).ToArray();
        Assert.NotEmpty(synthetic);
        Assert.All(synthetic, b =>
        {
            Assert.True(b[0].TimeMs > replayDays[^1]);
            Assert.Equal(4 + 3 + 3, b.Length);
            Assert.Contains(b, t => t.Symbol == "RUT");
            Assert.Contains(b, t => t.Symbol == "BTC.D");
        });
    }

    [Fact]
    public async Task Disabled_feeds_publish_nothing()
    {
        var sink = new CollectingSink();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Feeds:Replay:Enabled"] = "false",
            ["Feeds:Synthetic:Enabled"] = "false",
        });
        builder.Services.AddSingleton<ITickSink>(sink);
        builder.Services.AddAltseasonFeeds(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var completion = host.Services.GetRequiredService<ReplayCompletion>();
        await completion.Completed.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
        Assert.Empty(sink.Batches);
    }

    [Fact]
    public async Task Retrying_sink_retries_failures_then_gives_up()
    {
        var calls = 0;
        var flaky = new DelegateSink(() => ++calls < 3 ? throw new InvalidOperationException("not ready") : ValueTask.CompletedTask);
        var retrying = new RetryingTickSink(flaky, 5, TimeSpan.FromMilliseconds(1), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await retrying.PublishAsync(new Tick[1], CancellationToken.None);
        Assert.Equal(3, calls);

        calls = 0;
        var broken = new DelegateSink(() => { calls++; throw new InvalidOperationException("down"); });
        var giveUp = new RetryingTickSink(broken, 2, TimeSpan.FromMilliseconds(1), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await giveUp.PublishAsync(new Tick[1], CancellationToken.None));
        Assert.Equal(2, calls);
    }

    private sealed class DelegateSink(Func<ValueTask> publish) : ITickSink
    {
        public ValueTask PublishAsync(ReadOnlyMemory<Tick> batch, CancellationToken cancellationToken) => publish();
    }
}
