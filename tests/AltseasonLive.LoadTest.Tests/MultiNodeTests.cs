using System.CommandLine;
using System.Text.Json;
using AltseasonLive.LoadTest.Cli;
using AltseasonLive.LoadTest.Load;
using AltseasonLive.LoadTest.Reporting;
using AltseasonLive.LoadTest.Tests.Infrastructure;

namespace AltseasonLive.LoadTest.Tests;

/// <summary>One run over two real api hosts on loopback: publishers and subscribers dealt over both, each node reported apart.</summary>
public sealed class MultiNodeTests
{
    [Fact]
    public async Task Run_over_two_nodes_deals_publishers_and_subscribers_round_robin_and_reports_each_node()
    {
        await using var first = await ProductServer.StartAsync();
        await using var second = await ProductServer.StartAsync();
        var settings = new LoadSettings
        {
            Urls = [first.BaseAddress, second.BaseAddress],
            Key = ProductServer.IngestionKey,
            Publishers = 4,
            Rate = 400,
            Batch = 20,
            Subscribers = 4,
            IdleSubscribers = 2,
            Topics = ["asset:RUT", "asset:BTC", "asset:ETH"],
            Symbols = 5,
            Warmup = TimeSpan.FromSeconds(1),
            Duration = TimeSpan.FromSeconds(3),
        };

        var summary = await new LoadRunner(settings).RunAsync(null, CancellationToken.None);

        Assert.Equal([first.BaseAddress.ToString(), second.BaseAddress.ToString()], summary.Nodes.Select(n => n.Url));
        Assert.All(summary.Nodes, node =>
        {
            Assert.Equal(2, node.Publishers);
            Assert.Equal(3, node.Subscribers);
            Assert.Equal(3, node.SubscribersConnected);
            Assert.True(node.TicksSent > 0, $"{node.Url} was sent ticks");
            Assert.True(node.TicksAccepted > 0, $"{node.Url} accepted ticks");
            Assert.Equal(0, node.PublishErrors);
            Assert.True(node.UpdatesReceived > 0, $"{node.Url}'s subscribers received updates");
            Assert.True(node.TickToClientLatency.Count > 0, $"{node.Url}'s tracked subscribers measured latency");
            Assert.True(node.Server.StatsEndpointAvailable);
            Assert.NotNull(node.ServerMeasured);
            Assert.True(node.ServerMeasured.TicksAccepted > 0, $"{node.Url} counted accepted ticks itself");
        });
        Assert.Equal(summary.TicksSent, summary.Nodes.Sum(n => n.TicksSent));
        Assert.Equal(summary.TicksAccepted, summary.Nodes.Sum(n => n.TicksAccepted));
        // The run's histogram takes every node's values; it is read a moment after the nodes', so it may hold a few more.
        Assert.InRange(summary.Nodes.Sum(n => n.TickToClientLatency.Count), 1, summary.TickToClientLatency.Count);
        Assert.Equal(6, summary.Subscribers.Connected);

        // Each node's own counters hold its share only: the two hosts are apart, so neither counted the other's ticks.
        var serverAccepted = summary.Nodes.Select(n => n.ServerMeasured!.TicksAccepted).ToArray();
        Assert.All(serverAccepted, accepted => Assert.True(accepted < serverAccepted.Sum(), "a node counted every node's ticks"));

        using var json = JsonDocument.Parse(SummaryJson.Serialize(summary));
        var nodes = json.RootElement.GetProperty("nodes");
        Assert.Equal(2, nodes.GetArrayLength());
        Assert.Equal(summary.Nodes[1].TicksAccepted, nodes[1].GetProperty("ticksAccepted").GetInt64());
        Assert.Equal(JsonValueKind.Number, nodes[1].GetProperty("tickToClientLatency").GetProperty("p99Ms").ValueKind);
        Assert.Equal(2, json.RootElement.GetProperty("urls").GetArrayLength());
    }

    [Theory]
    [InlineData("--url http://127.0.0.1:5081 --url http://127.0.0.1:5082")]
    [InlineData("--url http://127.0.0.1:5081,http://127.0.0.1:5082")]
    public void Url_option_takes_repeated_or_comma_separated_addresses(string arguments)
    {
        var (options, root) = Parser();

        var settings = options.Read(root.Parse(arguments));

        Assert.Equal(["http://127.0.0.1:5081/", "http://127.0.0.1:5082/"], settings.Urls.Select(u => u.ToString()));
    }

    [Fact]
    public void A_single_url_and_no_url_keep_their_meaning()
    {
        var (options, root) = Parser();

        Assert.Equal([new Uri("http://127.0.0.1:6000/")], options.Read(root.Parse("--url http://127.0.0.1:6000")).Urls);
        Assert.Equal(new LoadSettings().Urls, options.Read(root.Parse("")).Urls);
    }

    [Fact]
    public void Server_pids_must_match_the_nodes()
    {
        var settings = new LoadSettings
        {
            Urls = [new("http://127.0.0.1:5081/"), new("http://127.0.0.1:5082/")],
            Key = "k",
            ServerPids = [1234],
        };

        Assert.Throws<ArgumentException>(settings.Validate);
        (settings with { ServerPids = [1234, 1235] }).Validate();
    }

    private static (LoadOptions Options, RootCommand Root) Parser()
    {
        var options = new LoadOptions(new LoadSettings(), "rate", "subscribers", "duration", "json");
        var root = new RootCommand();
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        return (options, root);
    }
}
