using AltseasonLive.Grains.Interfaces.Ticks;
using AltseasonLive.History;

namespace AltseasonLive.Feeds.Synthetic;

/// <summary>
/// A seeded, allocation-free synthetic market: correlated geometric random walks for the Russell 2000, BTC, ETH, a set of
/// coins and the rest of TOTAL3, driven by a common crypto factor whose correlation with the Russell 2000 switches between
/// a coupled and a decoupled regime (so correlation breakdowns and recouplings happen). Each <c>Fill</c> advances
/// one step (by wall time x time scale, or by an explicit market time) and writes one tick per symbol, including TOTAL3
/// (USD) and BTC.D/ETH.D/USDT.D (percent) computed from the simulated caps (BTC/ETH without a start cap use their late-2025
/// supply); the Russell 2000 can be held closed (weekends). The same seed, start and calls give the same ticks.
/// </summary>
public sealed class SyntheticFeed
{
    private const double SecondsPerYear = 365.25 * 24 * 3600;
    private const int Rut = 0;
    private const int Btc = 1;
    private const int Eth = 2;
    private const int RestOfTotal3 = 3;
    private const int FirstCoin = 4;

    /// <summary>Units used for BTC/ETH dominance when the start gives no market cap (circulating supply, late 2025).</summary>
    private const double DefaultBtcSupply = 19_950_000;
    private const double DefaultEthSupply = 120_700_000;

    private readonly SyntheticFeedOptions _options;
    private readonly Random _random;
    private readonly string[] _symbols;
    private readonly double[] _level;
    private readonly double[] _supply;
    private readonly double[] _dominanceSupply = new double[FirstCoin];
    private readonly double[] _volatility;
    private readonly double _usdtCap;
    private readonly double _factorLoading;
    private readonly double _idiosyncraticLoading;
    private long _lastMs = long.MinValue;
    private double? _spareNormal;

    public SyntheticFeed(SyntheticFeedOptions options, SyntheticStart start)
    {
        options.Validate();
        _options = options;
        _random = new Random(options.Seed);
        var n = FirstCoin + start.Coins.Count;
        _symbols = new string[n];
        _level = new double[n];
        _supply = new double[n];
        _volatility = new double[n];
        Set(Rut, HistorySymbols.Rut, start.Rut, null, options.RutVolatility);
        Set(Btc, start.Btc.Symbol, start.Btc.Price, start.Btc.MarketCap, options.BtcVolatility);
        Set(Eth, start.Eth.Symbol, start.Eth.Price, start.Eth.MarketCap, options.EthVolatility);
        _dominanceSupply[Btc] = _supply[Btc] > 0 ? _supply[Btc] : DefaultBtcSupply;
        _dominanceSupply[Eth] = _supply[Eth] > 0 ? _supply[Eth] : DefaultEthSupply;
        _usdtCap = start.UsdtMarketCap;
        var rest = start.Total3 - start.UsdtMarketCap;
        Set(RestOfTotal3, HistorySymbols.Total3, rest > 0 ? rest : start.Total3 * 0.75, null, options.AltVolatility);
        for (var i = 0; i < start.Coins.Count; i++)
        {
            var coin = start.Coins[i];
            Set(FirstCoin + i, coin.Symbol, coin.Price, coin.MarketCap, options.AltVolatility);
        }

        _factorLoading = Math.Sqrt(options.CryptoFactorShare);
        _idiosyncraticLoading = Math.Sqrt(1 - options.CryptoFactorShare);
        Regime = SyntheticRegime.Coupled;
    }

    /// <summary>Most ticks one <c>Fill</c> writes: one per leg plus BTC.D, ETH.D and USDT.D (one fewer while the Russell 2000 is closed).</summary>
    public int TicksPerStep => _symbols.Length + 3;

    public SyntheticRegime Regime { get; private set; }

    /// <summary>Steps taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>
    /// Advances the model to <paramref name="nowMs"/> (UTC epoch ms; the first call advances one second of wall time)
    /// by the elapsed wall time x <see cref="SyntheticFeedOptions.TimeScale"/> and writes <see cref="TicksPerStep"/> ticks
    /// stamped <paramref name="nowMs"/>. Returns the number written.
    /// </summary>
    public int Fill(Span<Tick> destination, long nowMs)
    {
        var wallSeconds = _lastMs == long.MinValue ? 1.0 : Math.Max(0, (nowMs - _lastMs) / 1000.0);
        return Fill(destination, nowMs, wallSeconds * _options.TimeScale, equityOpen: true);
    }

    /// <summary>
    /// Advances the model by <paramref name="marketSeconds"/> of market time (whatever the stamps) and writes one tick per
    /// leg plus the dominances, stamped <paramref name="timeMs"/> (UTC epoch ms). While <paramref name="equityOpen"/> is
    /// false the Russell 2000 neither moves nor gets a tick (a weekend), so at most <see cref="TicksPerStep"/> are written.
    /// Returns the number written.
    /// </summary>
    public int Fill(Span<Tick> destination, long timeMs, double marketSeconds, bool equityOpen)
    {
        if (destination.Length < TicksPerStep)
        {
            throw new ArgumentException($"Need room for {TicksPerStep} ticks, got {destination.Length}.", nameof(destination));
        }

        _lastMs = timeMs;
        Step(Math.Sqrt(Math.Max(0, marketSeconds) / SecondsPerYear), equityOpen);

        var k = 0;
        for (var i = 0; i < _symbols.Length; i++)
        {
            if (i == Rut && !equityOpen)
            {
                continue;
            }

            if (i == RestOfTotal3)
            {
                destination[k++] = new Tick(_symbols[i], timeMs, _level[i] + _usdtCap, Source: TickSources.Demo);
                continue;
            }

            double? cap = _supply[i] > 0 ? _level[i] * _supply[i] : null;
            destination[k++] = new Tick(_symbols[i], timeMs, _level[i], cap, Source: TickSources.Demo);
        }

        var btcCap = Cap(Btc);
        var ethCap = Cap(Eth);
        var total = _level[RestOfTotal3] + _usdtCap + btcCap + ethCap;
        destination[k++] = new Tick(HistorySymbols.BtcDominance, timeMs, 100 * btcCap / total, Source: TickSources.Demo);
        destination[k++] = new Tick(HistorySymbols.EthDominance, timeMs, 100 * ethCap / total, Source: TickSources.Demo);
        destination[k++] = new Tick(HistorySymbols.UsdtDominance, timeMs, 100 * _usdtCap / total, Source: TickSources.Demo);
        return k;
    }

    private double Cap(int leg) => _level[leg] * _dominanceSupply[leg];

    private void Step(double sqrtYears, bool equityOpen)
    {
        Steps++;
        if (_random.NextDouble() < 1 / _options.MeanRegimeSteps)
        {
            Regime = Regime == SyntheticRegime.Coupled ? SyntheticRegime.Decoupled : SyntheticRegime.Coupled;
        }

        var rho = Regime == SyntheticRegime.Coupled ? _options.CoupledCorrelation : _options.DecoupledCorrelation;
        var rutShock = NextNormal();
        var cryptoFactor = rho * rutShock + Math.Sqrt(1 - rho * rho) * NextNormal();
        if (equityOpen)
        {
            Move(Rut, rutShock, sqrtYears);
        }

        for (var i = Btc; i < _level.Length; i++)
        {
            Move(i, _factorLoading * cryptoFactor + _idiosyncraticLoading * NextNormal(), sqrtYears);
        }
    }

    private void Move(int leg, double shock, double sqrtYears)
    {
        var sigma = _volatility[leg] * sqrtYears;
        _level[leg] *= Math.Exp(sigma * shock - 0.5 * sigma * sigma);
    }

    private double NextNormal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }

        double u;
        double v;
        double s;
        do
        {
            u = 2 * _random.NextDouble() - 1;
            v = 2 * _random.NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s is >= 1 or 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    private void Set(int leg, string symbol, double price, double? marketCap, double volatility)
    {
        if (!(price > 0) || double.IsInfinity(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, $"Start price of {symbol} must be positive and finite.");
        }

        _symbols[leg] = symbol;
        _level[leg] = price;
        _supply[leg] = marketCap is > 0 ? marketCap.Value / price : 0;
        _volatility[leg] = volatility;
    }
}
