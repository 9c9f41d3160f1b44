using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Configuration;

/// <summary>A wrong setting stops the product's start with a message that names its key, instead of being clamped or ignored.</summary>
public sealed class InvalidSettingsTests
{
    [Theory]
    [InlineData("Push:ObserverExpiry", "00:00:00.5")]
    [InlineData("Signals:Correlation:HistoryLength", "0")]
    [InlineData("Bars:BarSize", "-00:00:01")]
    [InlineData("Bars:VolatilityWindow", "1")]
    [InlineData("Events:Retention", "0")]
    [InlineData("Signals:Correlation:BandUpperPercentile", "1.5")]
    [InlineData("Signals:Correlation:BandLookback", "1")]
    [InlineData("Signals:Market:AltcoinSeasonThreshold", "120")]
    [InlineData("Cors:Origins:0", "not an origin")]
    public async Task An_invalid_value_stops_the_start_naming_its_key(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiServer.StartAsync(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key, failure.Message);
    }

    [Theory]
    [InlineData("Bars:BarSizeMs", "1000")]
    [InlineData("Push:FlushIntervalMs", "15")]
    [InlineData("Push:FlushInterval", "00:00:00.015")]
    public async Task A_retired_key_stops_the_start_instead_of_being_ignored(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiServer.StartAsync(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key.Split(':')[^1], failure.ToString());
    }
}
