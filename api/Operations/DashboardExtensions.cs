using AltseasonLive.Grains.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace AltseasonLive.Api.Operations;

/// <summary>The Orleans Dashboard at <see cref="Path"/>, only with an operator key (<see cref="OperationsOptions"/>).</summary>
public static class DashboardExtensions
{
    public const string Path = "/orleans";

    /// <summary>
    /// Registers the dashboard's grains and counters in the silo when an operator key is configured. <c>Operations:Keys</c>
    /// is read while registering because it decides whether those services exist; the same section is bound and validated
    /// through <see cref="OperationsOptions"/> for everything else.
    /// </summary>
    public static ISiloBuilder AddAltseasonDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddValidatedOptions<OperationsOptions>(OperationsOptions.SectionName);
        silo.Services.AddSingleton<OperatorKeys>();
        var keys = configuration.GetSection($"{OperationsOptions.SectionName}:{nameof(OperationsOptions.Keys)}").Get<string[]>();
        return OperationsOptions.AnyKey(keys) ? silo.AddDashboard() : silo;
    }

    /// <summary>Maps <c>/orleans</c> behind <see cref="OperatorKeyMiddleware"/>; without a key nothing is mapped (404).</summary>
    public static WebApplication MapAltseasonDashboard(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value.DashboardEnabled)
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), branch => branch.UseMiddleware<OperatorKeyMiddleware>());
            app.MapOrleansDashboard(routePrefix: Path);
        }

        return app;
    }
}
