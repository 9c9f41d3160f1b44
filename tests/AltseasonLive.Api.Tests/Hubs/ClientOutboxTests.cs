using System.Collections.Concurrent;
using System.Collections.Immutable;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace AltseasonLive.Api.Tests.Hubs;

/// <summary>The per-connection outbox on its own, with a sender the test can freeze like a stalled socket.</summary>
public sealed class ClientOutboxTests : IDisposable
{
    private TestMetrics Metrics { get; } = new();

    private static readonly MarketHubOptions Options = new()
    {
        ClientBufferCapacity = 8,
        DegradeThreshold = 0.5,
        MaxUpdatesPerSecond = 1000,
        SendTimeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose() => Metrics.Dispose();

    private static SharedSeries Asi(long timeMs, double value) =>
        SharedSeries.Create([new SeriesMessage("altseason", "AltseasonIndex", "ASI", timeMs, value, false)]);

    [Fact]
    public async Task A_client_that_falls_behind_loses_series_first_and_still_gets_every_event()
    {
        var sender = new GatedSender();
        var market = new FakeMarketQueries(retention: 1000);
        var aborted = new List<string>();
        using var metrics = new TestMetrics();
        var outbox = new ClientOutbox("c1", sender, market, Options, metrics.Push, aborted.Add, TimeProvider.System);
        var writer = Task.Run(outbox.RunAsync);

        Assert.True(outbox.TrySubscribeEvents(null));
        Assert.True(outbox.TrySubscribe(new SnapshotMessage("altseason", 0, new { })));
        await sender.WaitForSendsAsync(2);

        sender.Freeze();
        outbox.OfferEvents(SharedEvents.Create(market.Append(1)));
        await sender.WaitForBlockedAsync();
        for (var i = 0; i < 5; i++)
        {
            outbox.OfferEvents(SharedEvents.Create(market.Append(1)));
        }

        Assert.Equal(5, outbox.QueuedMessages);
        outbox.OfferSeries(Asi(1, 50));
        sender.Release();

        await sender.WaitForAsync(() => sender.EventSequences.Count == 6);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), sender.EventSequences);
        Assert.Equal(1, outbox.DroppedSeries);
        Assert.Equal(1, metrics.View.Total(PushCounters.SeriesDroppedName));
        Assert.DoesNotContain(HubMethods.Series, sender.Methods);
        Assert.Empty(aborted);

        outbox.OfferSeries(Asi(2, 51));
        await sender.WaitForAsync(() => sender.Methods.Contains(HubMethods.Series));
        outbox.Stop();
        await writer;
    }

    [Fact]
    public async Task A_full_queue_aborts_the_connection_instead_of_blocking_the_publisher()
    {
        var sender = new GatedSender();
        var market = new FakeMarketQueries(retention: 1000);
        var aborted = new ConcurrentQueue<string>();
        var outbox = new ClientOutbox("c2", sender, market, Options, Metrics.Push, aborted.Enqueue, TimeProvider.System);
        var writer = Task.Run(outbox.RunAsync);
        Assert.True(outbox.TrySubscribeEvents(null));
        await sender.WaitForSendsAsync(1);

        sender.Freeze();
        outbox.OfferEvents(SharedEvents.Create(market.Append(1)));
        await sender.WaitForBlockedAsync();
        for (var i = 0; i <= Options.ClientBufferCapacity; i++)
        {
            outbox.OfferEvents(SharedEvents.Create(market.Append(1)));
        }

        Assert.Equal(["outgoing buffer full"], aborted);
        Assert.True(outbox.IsAborted);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_live_batch_that_starts_above_the_next_sequence_gets_the_missing_events_from_the_log_first()
    {
        var sender = new GatedSender();
        var market = new FakeMarketQueries(retention: 1000);
        using var metrics = new TestMetrics();
        var outbox = new ClientOutbox("gap", sender, market, Options, metrics.Push, _ => { }, TimeProvider.System);
        var writer = Task.Run(outbox.RunAsync);
        Assert.True(outbox.TrySubscribeEvents(0));
        Assert.True(outbox.TrySubscribe(new SnapshotMessage("altseason", 0, new { })));
        await sender.WaitForSendsAsync(1);

        var logged = market.Append(4);
        outbox.OfferEvents(SharedEvents.Create([logged[2], logged[3]]));
        outbox.OfferEvents(SharedEvents.Create([logged[3]]));
        outbox.OfferEvents(SharedEvents.Create(market.Append(1)));

        await sender.WaitForAsync(() => sender.EventSequences.Count == 5);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], sender.EventSequences);
        Assert.Equal(2, metrics.View.Total(PushCounters.EventsRefetchedName));
        outbox.Stop();
        await writer;
    }

    [Fact]
    public async Task A_write_stuck_longer_than_the_send_timeout_aborts_the_connection()
    {
        var sender = new GatedSender();
        var clock = new FakeTimeProvider();
        var aborted = new ConcurrentQueue<string>();
        var outbox = new ClientOutbox("c3", sender, new FakeMarketQueries(retention: 10), Options, Metrics.Push, aborted.Enqueue, clock);
        var writer = Task.Run(outbox.RunAsync);
        Assert.True(outbox.TrySubscribe(new SnapshotMessage("altseason", 0, new { })));
        await sender.WaitForSendsAsync(1);
        Assert.False(outbox.AbortIfStalled());

        sender.Freeze();
        outbox.OfferSeries(Asi(1, 50));
        await sender.WaitForBlockedAsync();
        clock.Advance(Options.SendTimeout - TimeSpan.FromSeconds(1));
        Assert.False(outbox.AbortIfStalled());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(outbox.AbortIfStalled());

        Assert.Equal(["send timed out"], aborted);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Every_recipient_gets_the_same_serialized_message_instance()
    {
        var first = new GatedSender();
        var second = new GatedSender();
        var market = new FakeMarketQueries(retention: 10);
        var outboxes = new[] { first, second }
            .Select((s, i) => new ClientOutbox($"s{i}", s, market, Options, Metrics.Push, _ => { }, TimeProvider.System))
            .ToList();
        var writers = outboxes.Select(o => Task.Run(o.RunAsync)).ToList();
        foreach (var outbox in outboxes)
        {
            Assert.True(outbox.TrySubscribe(new SnapshotMessage("altseason", 0, new { })));
        }

        var batch = Asi(1, 50);
        outboxes.ForEach(o => o.OfferSeries(batch));
        await first.WaitForSendsAsync(2);
        await second.WaitForSendsAsync(2);

        Assert.Same(batch.Message, first.Messages[^1]);
        Assert.Same(batch.Message, second.Messages[^1]);
        outboxes.ForEach(o => o.Stop());
        await Task.WhenAll(writers);
    }

    /// <summary>Records writes; while frozen, a write waits (honouring cancellation) like a socket whose peer stopped reading.</summary>
    private sealed class GatedSender : IClientSender
    {
        private readonly ConcurrentQueue<SerializedHubMessage> _sent = new();
        private TaskCompletionSource _gate = CompletedGate();
        private TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<SerializedHubMessage> Messages => [.. _sent];

        public IReadOnlyList<string> Methods => [.. _sent.Select(m => Invocation(m).Target)];

        public IReadOnlyList<long> EventSequences =>
        [
            .. _sent.Select(Invocation)
                .Where(i => i.Target == HubMethods.Events)
                .SelectMany(i => i.Arguments[0] switch
                {
                    ImmutableArray<HubEvent> events => events.AsEnumerable(),
                    IEnumerable<HubEvent> events => events,
                    _ => [],
                })
                .Select(e => e.Sequence),
        ];

        public void Freeze()
        {
            _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Release() => _gate.TrySetResult();

        public Task WaitForBlockedAsync() => _blocked.Task.WaitAsync(TimeSpan.FromSeconds(10));

        public Task WaitForSendsAsync(int count) => WaitForAsync(() => _sent.Count >= count);

        public async Task WaitForAsync(Func<bool> condition)
        {
            for (var i = 0; i < 500 && !condition(); i++)
            {
                await Task.Delay(20);
            }

            Assert.True(condition(), "condition not reached");
        }

        public async ValueTask SendAsync(SerializedHubMessage message, CancellationToken cancellationToken)
        {
            if (!_gate.Task.IsCompleted)
            {
                _blocked.TrySetResult();
                await _gate.Task.WaitAsync(cancellationToken);
            }

            _sent.Enqueue(message);
        }

        private static InvocationMessage Invocation(SerializedHubMessage message) =>
            message.Message as InvocationMessage ?? throw new InvalidOperationException("Not an invocation.");

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
