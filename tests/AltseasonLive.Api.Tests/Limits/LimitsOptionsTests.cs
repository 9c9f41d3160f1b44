using AltseasonLive.Api.Ingestion;
using AltseasonLive.Api.Limits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Tests.Limits;

public sealed class LimitsOptionsTests
{
    [Theory]
    [InlineData("Limits:PublishRequestsPerSecond", "0")]
    [InlineData("Limits:PublishRequestsPerSecond", "-5")]
    [InlineData("Limits:StreamFrameBurst", "0")]
    [InlineData("Limits:HubInvocationBurst", "-1")]
    [InlineData("Limits:HubViolationsBeforeAbort", "0")]
    [InlineData("Limits:StreamViolationsBeforeClose", "0")]
    [InlineData("Limits:HubInvocationsPerSecond", "500")]
    [InlineData("Limits:PublishTickBurst", "40000")]
    [InlineData("Limits:StreamTickBurst", "10")]
    public void Nonsense_settings_are_refused(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
        Assert.Contains(key.Split(':')[1], string.Join(" ", failure.Failures));
    }

    [Fact]
    public void The_defaults_are_valid_and_leave_room_for_the_load_generator()
    {
        var limits = Resolve([]);
        var ingestion = new IngestionOptions();

        // loadtest: 200,000 ticks/s from 4 WebSocket publishers in 1,000-tick frames = 50,000 ticks and 50 frames per second each.
        Assert.True(limits.StreamTicksPerSecond >= 4 * 50_000);
        Assert.True(limits.StreamFramesPerSecond >= 10 * 50);
        Assert.True(limits.PublishTicksPerSecond >= 200_000);
        Assert.True(limits.StreamTickBurst >= ingestion.MaxItems && limits.PublishTickBurst >= ingestion.MaxItems);
    }

    [Fact]
    public void A_token_budget_refuses_past_its_burst_and_says_when_to_retry()
    {
        using var budget = new TokenBudget(perSecond: 0.001, burst: 3);
        Assert.True(budget.TryTake(2).Allowed);
        Assert.True(budget.TryTake(1).Allowed);
        var refused = budget.TryTake(1);
        Assert.False(refused.Allowed);
        Assert.True(refused.RetryAfter > TimeSpan.FromSeconds(1));
        Assert.False(budget.TryTake(4).Allowed);
    }

    private static LimitsOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName);
        services.AddAltseasonLimits();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<LimitsOptions>>().Value;
    }
}
