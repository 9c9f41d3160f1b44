using Orleans.Dashboard;

namespace AltseasonLive.Api.Operations;

/// <summary>The Orleans Dashboard at <see cref="Path"/>, only with an operator key (<see cref="OperationsOptions"/>).</summary>
public static class DashboardExtensions
{
    public const string Path = "/orleans";

    /// <summary>Registers the dashboard's grains and counters in the silo when an operator key is configured.</summary>
    public static ISiloBuilder AddAltseasonDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName);
        silo.Services.AddSingleton<OperatorKeys>();
        var options = configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        return options.DashboardEnabled ? silo.AddDashboard() : silo;
    }

    /// <summary>Maps <c>/orleans</c> behind <see cref="OperatorKeyMiddleware"/>; without a key nothing is mapped (404).</summary>
    public static WebApplication MapAltseasonDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(OperationsOptions.SectionName).Get<OperationsOptions>() ?? new OperationsOptions();
        if (options.DashboardEnabled)
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), branch => branch.UseMiddleware<OperatorKeyMiddleware>());
            app.MapOrleansDashboard(routePrefix: Path);
        }

        return app;
    }
}
