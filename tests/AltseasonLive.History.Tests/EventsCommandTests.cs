using System.Globalization;
using AltseasonLive.Feeds;
using AltseasonLive.Feeds.Hosting;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Silo.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace AltseasonLive.History.Tests;

public sealed class EventsCommandTests
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 3, 31);

    [Fact]
    public async Task Replaying_a_slice_into_a_test_cluster_gives_the_same_events_as_the_cli()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<DailyBarsSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        List<MarketEvent> expected;
        try
        {
            var replay = new HistoryReplay(new BundledHistory(), new HistoryReplayOptions { From = From, To = To });
            await replay.RunAsync(new GrainTickSink(cluster.Client, NullLogger<GrainTickSink>.Instance));
            var page = await cluster.Client.GetGrain<IEventLogGrain>(0).GetSince(0, 5_000);
            Assert.False(page.HasMore);
            expected = [.. page.Events];
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }

        using var temp = new TempFolder();
        var path = temp.File("events.csv");
        var error = new StringWriter();
        Assert.Equal(0, await CliApp.RunAsync(["events", "--from", "2024-01-01", "--to", "2024-03-31", "--out", path], new StringWriter(), error));

        var cli = StandardCsv.Read(path).Skip(1).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, cli.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            string[] fields = [e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Kind.ToString(), e.Describe()];
            Assert.Equal(fields, cli[i]);
        }

        Assert.Contains($"{expected.Count} events", error.ToString());
    }

    private sealed class DailyBarsSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var config = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Bars:BarSize"] = "1.00:00:00",
                    ["Bars:LateTolerance"] = "1.00:00:00",
                    ["Storage:Provider"] = "Memory",
                })
                .Build();
            siloBuilder.AddAltseasonLive(config);
        }
    }
}
