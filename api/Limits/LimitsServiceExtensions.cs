using AltseasonLive.Api.Ingestion;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>Registers the rate limits: the <c>publish</c> request policy, the per-publisher tick budget, the hub filter.</summary>
public static class LimitsServiceExtensions
{
    public static IServiceCollection AddAltseasonLimits(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LimitsOptions>, LimitsOptionsValidator>();
        services.AddSingleton<PublishTickBudget>();
        services.AddSingleton<StreamConnectionLimiter>();
        services.AddSingleton<SlowBodyLog>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy<string, PublishRateLimitPolicy>(PublishRateLimitPolicy.Name);
        });
        services.AddSingleton<HubInvocationRateFilter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<HubInvocationRateFilter>());
        return services;
    }
}
