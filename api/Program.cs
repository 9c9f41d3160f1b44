var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();

/// <summary>Entry point, public so that functional tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
