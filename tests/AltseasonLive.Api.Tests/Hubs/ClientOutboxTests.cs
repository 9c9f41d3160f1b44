using System.Collections.Concurrent;
using AltseasonLive.Api.Hubs;
using AltseasonLive.Api.Push;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Hubs;

/// <summary>The per-connection outbox on its own, with a sender the test can freeze like a stalled socket.</summary>
public sealed class ClientOutboxTests
{
    private static readonly MarketHubOptions Options = new()
    {
        ClientBufferCapacity = 8,
        DegradeThreshold = 0.5,
        MaxUpdatesPerSecond = 1000,
        SendTimeoutSeconds = 600,
    };

    [Fact]
    public async Task A_client_that_falls_behind_loses_series_first_and_still_gets_every_event()
    {
        var sender = new GatedSender();
        var market = new FakeMarketQueries(retention: 1000);
        var aborted = new List<string>();
        var outbox = new ClientOutbox("c1", sender, market, Options, new PushCounters(), aborted.Add, TimeProvider.System);
        var writer = Task.Run(outbox.RunAsync);

        Assert.True(outbox.TrySubscribeEvents(null));
        Assert.True(outbox.TrySubscribe(new SnapshotMessage("altseason", 0, new { })));
        await sender.WaitForSendsAsync(2);

        sender.Freeze();
        outbox.OfferEvents(market.Append(1));
        await sender.WaitForBlockedAsync();
        for (var i = 0; i < 5; i++)
        {
            outbox.OfferEvents(market.Append(1));
        }

        outbox.OfferSeries(new SeriesMessage("altseason", "AltseasonIndex", "ASI", 1, 50, false));
        sender.Release();

        await sender.WaitForAsync(() => sender.EventSequences.Count == 6);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), sender.EventSequences);
        Assert.Equal(1, outbox.DroppedSeries);
        Assert.DoesNotContain(HubMethods.Series, sender.Methods);
        Assert.Empty(aborted);

        outbox.OfferSeries(new SeriesMessage("altseason", "AltseasonIndex", "ASI", 2, 51, false));
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
        var outbox = new ClientOutbox("c2", sender, market, Options, new PushCounters(), aborted.Enqueue, TimeProvider.System);
        var writer = Task.Run(outbox.RunAsync);
        Assert.True(outbox.TrySubscribeEvents(null));
        await sender.WaitForSendsAsync(1);

        sender.Freeze();
        outbox.OfferEvents(market.Append(1));
        await sender.WaitForBlockedAsync();
        for (var i = 0; i <= Options.ClientBufferCapacity; i++)
        {
            outbox.OfferEvents(market.Append(1));
        }

        Assert.Equal(["outgoing buffer full"], aborted);
        Assert.True(outbox.IsAborted);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Records sends; while frozen, a send waits (honouring cancellation) like a socket whose peer stopped reading.</summary>
    private sealed class GatedSender : IClientSender
    {
        private readonly ConcurrentQueue<(string Method, object Payload)> _sent = new();
        private TaskCompletionSource _gate = CompletedGate();
        private TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Methods => [.. _sent.Select(s => s.Method)];

        public IReadOnlyList<long> EventSequences =>
        [
            .. _sent.Where(s => s.Method == HubMethods.Events).SelectMany(s => (IEnumerable<HubEvent>)s.Payload).Select(e => e.Sequence),
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

        public async Task SendAsync(string method, object payload, CancellationToken cancellationToken)
        {
            if (!_gate.Task.IsCompleted)
            {
                _blocked.TrySetResult();
                await _gate.Task.WaitAsync(cancellationToken);
            }

            _sent.Enqueue((method, payload is IEnumerable<HubEvent> events ? events.ToList() : payload));
        }

        private static TaskCompletionSource CompletedGate()
        {
            var gate = new TaskCompletionSource();
            gate.SetResult();
            return gate;
        }
    }
}
