using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AltseasonLive.Grains.Tests;

/// <summary>Builds in-memory configuration for test silos: daily bars, small windows, scenario symbols.</summary>
public sealed class TestConfig
{
    public const long DayMs = 86_400_000;

    private readonly Dictionary<string, string?> _values = new()
    {
        ["Bars:BarSize"] = TimeSpan.FromMilliseconds(DayMs).ToString("c", CultureInfo.InvariantCulture),
        ["Signals:Correlation:BandLookback"] = "40",
        ["Signals:Correlation:HistoryLength"] = "400",
        ["Events:Retention"] = "50",
        ["Push:ObserverRefresh"] = "00:00:00",
    };

    private int _assets;
    private int _pairs;
    private int _levels;

    public TestConfig Set(string key, string value)
    {
        _values[key] = value;
        return this;
    }

    public TestConfig Asset(string symbol, string assetClass = "EquityIndex", double? supply = null)
    {
        _values[$"Universe:Assets:{_assets}:Symbol"] = symbol;
        _values[$"Universe:Assets:{_assets}:Class"] = assetClass;
        if (supply is { } s)
        {
            _values[$"Universe:Assets:{_assets}:Supply"] = s.ToString("R", CultureInfo.InvariantCulture);
        }

        _assets++;
        return this;
    }

    public TestConfig Pair(string anchor, string partner, int[] windows, string mode = "Returns")
    {
        _values[$"Universe:Pairs:{_pairs}:Anchor"] = anchor;
        _values[$"Universe:Pairs:{_pairs}:Partner"] = partner;
        for (var i = 0; i < windows.Length; i++)
        {
            _values[$"Universe:Pairs:{_pairs}:Windows:{i}"] = windows[i].ToString(CultureInfo.InvariantCulture);
        }

        _values[$"Universe:Pairs:{_pairs}:Modes:0"] = mode;
        _pairs++;
        return this;
    }

    public TestConfig Levels(string symbol, params double[] levels)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            _values[$"Signals:Market:DominanceLevels:{symbol}:{i}"] = levels[i].ToString("R", CultureInfo.InvariantCulture);
        }

        _levels++;
        return this;
    }

    public TestConfig AllTimeHigh(params string[] symbols)
    {
        for (var i = 0; i < symbols.Length; i++)
        {
            _values[$"Universe:AllTimeHighSymbols:{i}"] = symbols[i];
        }

        return this;
    }

    public TestConfig Streak(string symbol, string benchmark)
    {
        _values["Universe:Streaks:0:Symbol"] = symbol;
        _values["Universe:Streaks:0:Benchmark"] = benchmark;
        return this;
    }

    public TestConfig Storage(string sqlitePath)
    {
        _values["Storage:Provider"] = "Sqlite";
        _values["Storage:SqlitePath"] = sqlitePath;
        return this;
    }

    public IConfiguration Build() => new ConfigurationBuilder().AddInMemoryCollection(_values).Build();
}
