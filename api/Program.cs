using AltseasonLive.Api.Extensions;

// The whole product in one process: co-hosted Orleans silo, built-in feeds, SignalR hub, REST, ingestion and dashboard.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = ApiApplicationExtensions.WebRootPath,
});
builder.AddAltseasonApi();

var app = builder.Build();
app.UseAltseasonApi();
app.Run();

/// <summary>Entry point, public so that functional tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
