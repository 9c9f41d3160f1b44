using System.Net;
using System.Net.Sockets;
using AltseasonLive.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using AltseasonLive.Grains.Hosting;

namespace AltseasonLive.LoadTest.Tests.Infrastructure;

/// <summary>
/// The real product built as Program.cs builds it (co-hosted silo, Kestrel on a free 127.0.0.1 port), with the built-in
/// feeds off, in-memory grain storage, a temp data folder, free silo ports and a known ingestion key.
/// </summary>
public sealed class ProductServer : IAsyncDisposable
{
    public const string IngestionKey = "load-test-key";

    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private ProductServer(WebApplication app, string dataFolder)
    {
        _app = app;
        _dataFolder = dataFolder;
        BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    public static async Task<ProductServer> StartAsync()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "altseasonlive-loadtest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var settings = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["environment"] = "Production",
            ["Feeds:Mode"] = "Off",
            ["Feeds:Replay:Enabled"] = "false",
            ["Feeds:Synthetic:Enabled"] = "false",
            ["Storage:Provider"] = "Memory",
            ["Data:Folder"] = dataFolder,
            ["Clustering:SiloPort"] = FreePort.One().ToString(),
            ["Clustering:GatewayPort"] = FreePort.One().ToString(),
            ["Ingestion:Keys:0"] = IngestionKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. settings.Select(p => $"--{p.Key}={p.Value}")],
            ApplicationName = typeof(ApiApplicationExtensions).Assembly.GetName().Name,
            WebRootPath = ApiApplicationExtensions.WebRootPath,
        });
        builder.AddAltseasonApi();
        var app = builder.Build();
        app.UseAltseasonApi();
        await app.StartAsync();
        return new ProductServer(app, dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background flush; the OS cleans the temp folder.
        }
    }
}
