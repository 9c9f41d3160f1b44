using System.Net;
using System.Net.Sockets;
using AltseasonLive.Api.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using AltseasonLive.Grains.Hosting;

namespace AltseasonLive.Api.Tests.Infrastructure;

/// <summary>
/// The real product (co-hosted silo, Kestrel on a free 127.0.0.1 port) built the way Program.cs builds it, with the
/// built-in feeds off, in-memory grain storage, a temp data folder and free silo ports. <paramref name="settings"/>
/// add or override configuration; <paramref name="services"/> may replace api seams.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string IngestionKey = "test-ingestion-key";

    private readonly WebApplication _app;

    private ApiServer(WebApplication app, string dataFolder)
    {
        _app = app;
        DataFolder = dataFolder;
        BaseAddress = new Uri(app.Urls.Single());
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiServer> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "altseasonlive-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var merged = new Dictionary<string, string>
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = merged.Where(p => p.Value.Length > 0).Select(p => $"--{p.Key}={p.Value}").ToArray(),
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            WebRootPath = ApiApplicationExtensions.WebRootPath,
        });
        builder.AddAltseasonApi();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseAltseasonApi();
        await app.StartAsync();
        return new ApiServer(app, dataFolder);
    }

    public HttpClient CreateClient(bool authorized = false)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (authorized)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", IngestionKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background flush; the temp folder is cleaned by the OS.
        }
    }
}
