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
    [InlineData("Durability:CheckpointInterval", "00:00:00.050")]
    [InlineData("Durability:Enabled", "sometimes")]
    [InlineData("Storage:WriteInterval", "-00:00:01")]
    [InlineData("Storage:Provider", "Tape")]
    [InlineData("Hub:SendTimeout", "00:00:00")]
    [InlineData("Hub:MaxUpdatesPerSecond", "0")]
    [InlineData("Ingestion:MaxItems", "0")]
    [InlineData("Ingestion:Streams:MaxStreamsPerKey", "0")]
    [InlineData("Limits:HubInvocationBurst", "0")]
    [InlineData("PushBridge:RegisterInterval", "00:02:00")]
    [InlineData("SeriesHistory:Length", "0")]
    [InlineData("Plausibility:CompositeTolerance", "1.5")]
    [InlineData("Universe:Windows:0", "thirty")]
    [InlineData("Clustering:Provider", "Mesh")]
    [InlineData("Clustering:AdvertisedIPAddress", "not-an-address")]
    [InlineData("Clustering:ProbeTimeout", "00:00:00")]
    public async Task An_invalid_value_stops_the_start_naming_its_key(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiServer.StartAsync(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key, failure.Message);
    }

    [Theory]
    [InlineData("Hub:DegradeThreshold", "0.1", "Hub:ClientBufferCapacity", "4")]
    [InlineData("Clustering:ConnectionString", "", "Clustering:Provider", "Redis")]
    [InlineData("Storage:ConnectionString", "", "Storage:Provider", "Redis")]
    public async Task A_value_that_contradicts_another_stops_the_start_naming_its_key(string key, string value, string otherKey, string otherValue)
    {
        var settings = new Dictionary<string, string> { [key] = value, [otherKey] = otherValue };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiServer.StartAsync(settings));

        Assert.Contains(key, failure.Message);
    }

    [Theory]
    [InlineData("Bars:BarSizeMs", "1000")]
    [InlineData("Push:FlushIntervalMs", "15")]
    [InlineData("Durability:CheckpointIntervalMs", "5000")]
    [InlineData("Storage:WriteIntervalMs", "2000")]
    [InlineData("Hub:SendTimeoutSeconds", "10")]
    [InlineData("PushBridge:RegisterIntervalSeconds", "5")]
    [InlineData("Feeds:Synthetic:DayMilliseconds", "2000")]
    [InlineData("Push:FlushInterval", "00:00:00.015")]
    [InlineData("Operations:DashboardKey", "secret")]
    public async Task A_retired_or_misspelt_key_stops_the_start_instead_of_being_ignored(string key, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiServer.StartAsync(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key.Split(':')[^1], failure.ToString());
    }
}
