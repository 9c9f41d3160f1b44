using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Grains.Interfaces.Market;
using Orleans.TestingHost;

namespace AltseasonLive.Grains.Tests;

/// <summary>
/// A hand-built market: BTC, 50 altcoins (ETH the largest, caps falling by 1 bn each), 2 tiny altcoins outside the
/// top 50, stablecoins and wrapped tokens with caps that would put them in the top 50 if they were not excluded.
/// Its own cluster: the coins feed the market grain's computed composites.
/// </summary>
public sealed class AltseasonIndexTests : IAsyncLifetime
{
    private const int Alts = 50;
    private readonly string _folder = ClusterHost.NewTempFolder();
    private InProcessTestCluster? _cluster;

    private static string Alt(int i) => i == 0 ? "ETH" : $"ALT{i:00}";

    public async Task InitializeAsync()
    {
        var config = new TestConfig().Storage(Path.Combine(_folder, "asi.db")).Asset("BTC", "Coin", supply: 40e9);
        for (var i = 0; i < Alts; i++)
        {
            config.Asset(Alt(i), "Coin", supply: (100 - i) * 1e9);
        }

        config.Asset("TINY1", "Coin", supply: 0.1e9).Asset("TINY2", "Coin", supply: 0.1e9)
            .Asset("USDT", "Stablecoin", supply: 150e9).Asset("USDC", "Stablecoin", supply: 120e9).Asset("DAI", "Stablecoin", supply: 110e9)
            .Asset("WBTC", "Wrapped", supply: 500e9).Asset("STETH", "Wrapped", supply: 400e9)
            .Asset("TOTAL3", "Composite").Asset("BTC.D", "Dominance").Asset("SPX", "EquityIndex");
        _cluster = await ClusterHost.StartAsync(config.Build());
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await ClusterHost.StopAsync(_cluster);
        }

        ClusterHost.DeleteFolder(_folder);
    }

    [Fact]
    public async Task Index_counts_top_50_coins_beating_btc_over_90_days_and_enters_altcoin_season()
    {
        var client = (_cluster ?? throw new InvalidOperationException()).Client;
        var closes = new Dictionary<string, double[]>();
        const int days = 97;
        double[] Path(Func<int, double> price) => [.. Enumerable.Range(0, days).Select(price)];

        closes["BTC"] = Path(d => d < 90 ? 100 : 105);
        for (var i = 0; i < Alts; i++)
        {
            var leader = i < 20;
            var follower = i < 40;
            closes[Alt(i)] = Path(d => d >= 95 && follower ? 1.2 : d >= 90 && leader ? 1.1 : 1.0);
        }

        foreach (var outsider in new[] { "TINY1", "TINY2", "USDT", "USDC", "DAI", "WBTC", "STETH" })
        {
            closes[outsider] = Path(d => d >= 90 ? 1.5 : 1.0);
        }

        // The index counts the caps ticks carry (here as supply), as the CLI counts the caps the panel holds.
        var market = client.GetGrain<IMarketGrain>(0);
        await Scenario.Feed(client, WithSupply(Scenario.Daily(closes)).Take(91));
        var day90 = await market.GetSnapshot();

        await Scenario.Feed(client, WithSupply(Scenario.Daily(closes)).Skip(91));
        var day96 = await market.GetSnapshot();
        var events = await Scenario.EventsAfter(client, 0);

        Assert.Equal((40.0, 50, AltseasonPhase.Neutral), (day90.AltseasonIndex, day90.AltseasonCoins, day90.Phase));
        Assert.Equal((80.0, 50, AltseasonPhase.AltcoinSeason), (day96.AltseasonIndex, day96.AltseasonCoins, day96.Phase));
        var changed = Assert.IsType<AltseasonChanged>(Assert.Single(events));
        Assert.Equal((80.0, AltseasonPhase.Neutral, AltseasonPhase.AltcoinSeason), (changed.Index, changed.From, changed.To));
        Assert.Equal(Scenario.Day(95), changed.TimeMs);
        Assert.Equal("Altcoin season: the Altcoin Season Index reached 80", changed.Describe());

        var total = (40e9 * 105) + Enumerable.Range(0, Alts).Sum(i => (100 - i) * 1e9 * (i < 40 ? 1.2 : 1.0)) + (2 * 0.1e9 * 1.5) + ((150e9 + 120e9 + 110e9) * 1.5);
        Assert.Equal(total, day96.Total!.Value, 1e-6 * total);
        Assert.Equal(total - (40e9 * 105) - (100e9 * 1.2), day96.Total3!.Value, 1e-6 * total);
        Assert.Equal(100 * 40e9 * 105 / total, day96.BtcDominance!.Value, 1e-9);
        Assert.Empty(day96.SuppliedSeries);
        var total3 = await client.GetGrain<Interfaces.Assets.IAssetGrain>("TOTAL3").GetSnapshot();
        Assert.Equal(day96.Total3, total3.LastPrice);
    }

    [Fact]
    public async Task Unlisted_coins_with_a_market_cap_count_and_a_market_cap_under_spx_never_makes_the_sp500_a_coin()
    {
        var client = (_cluster ?? throw new InvalidOperationException()).Client;
        const int days = 91;
        var batches = Enumerable.Range(0, days).Select(d =>
        {
            var ticks = new List<Interfaces.Ticks.Tick> { new("BTC", Scenario.Day(d), d < 90 ? 100 : 105, Supply: 40e9) };
            for (var i = 1; i <= 30; i++)
            {
                ticks.Add(new($"UNL{i:00}", Scenario.Day(d), d < 90 ? 1 : i <= 12 ? 2 : 1, MarketCap: i * 1e9));
            }

            // The S&P 500 with a market cap that would put it first among coins, and doubling: it must not count.
            ticks.Add(new("SPX", Scenario.Day(d), d < 90 ? 5000 : 10000, MarketCap: 50e12));
            return System.Collections.Immutable.ImmutableArray.CreateRange(ticks);
        });

        await Scenario.Feed(client, batches);
        var snapshot = await client.GetGrain<IMarketGrain>(0).GetSnapshot();
        var unknown = await client.GetGrain<Interfaces.Ticks.ITickIngestGrain>(0).Ingest([new("UNL99", Scenario.Day(days), 1)]);

        Assert.Equal((40.0, 30), (snapshot.AltseasonIndex, snapshot.AltseasonCoins));
        Assert.Equal(Interfaces.Ticks.TickRejectReason.UnknownSymbol, Assert.Single(unknown.Rejections).Reason);
    }

    private static double Supply(string symbol) => symbol switch
    {
        "BTC" => 40e9,
        "TINY1" or "TINY2" => 0.1e9,
        "USDT" => 150e9,
        "USDC" => 120e9,
        "DAI" => 110e9,
        "WBTC" => 500e9,
        "STETH" => 400e9,
        "ETH" => 100e9,
        _ => (100 - int.Parse(symbol[3..], System.Globalization.CultureInfo.InvariantCulture)) * 1e9,
    };

    private static IEnumerable<System.Collections.Immutable.ImmutableArray<Interfaces.Ticks.Tick>> WithSupply(IEnumerable<System.Collections.Immutable.ImmutableArray<Interfaces.Ticks.Tick>> batches) =>
        batches.Select(b => System.Collections.Immutable.ImmutableArray.CreateRange(b, t => t with { Supply = Supply(t.Symbol) }));
}
