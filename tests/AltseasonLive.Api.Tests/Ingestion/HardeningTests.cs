using System.Net;
using System.Text;
using System.Text.Json;
using AltseasonLive.Api.Tests.Infrastructure;

namespace AltseasonLive.Api.Tests.Ingestion;

/// <summary>The low findings of the hostile-input review: bounded echoes, 408 for slow bodies, browser headers, allowed hosts, the bearer scheme in OpenAPI, owner-only data files.</summary>
public sealed class HardeningTests
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static Task<ApiServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["Feeds:Mode"] = "Off" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return ApiServer.StartAsync(all);
    }

    [Fact]
    public async Task A_four_mebibyte_invalid_symbol_is_echoed_as_forty_characters()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(authorized: true);
        var body = $$"""[{"symbol":"{{new string('A', 4 * 1024 * 1024 - 100)}}","time":{{Now}},"price":1}]""";
        using var response = await client.PostAsync("/api/ticks", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Length < 2048, $"{text.Length} characters answered");
        Assert.Contains(new string('A', 40) + "…", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifty_thousand_bad_items_list_a_hundred_rejections_and_count_the_rest()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient(authorized: true);
        var body = "[" + string.Join(",", Enumerable.Repeat("42", 50_000)) + "]";
        using var response = await client.PostAsync("/api/ticks", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var root = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(100, root.GetProperty("rejections").GetArrayLength());
        Assert.Equal(49_900, root.GetProperty("rejectionsOmitted").GetInt32());
        Assert.True(text.Length < 32 * 1024, $"{text.Length} characters answered");
    }

    [Fact]
    public async Task A_body_sent_at_one_byte_a_second_is_a_408()
    {
        await using var server = await StartAsync();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/ticks HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {ApiServer.IngestionKey}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var trickle = Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await stream.WriteAsync("["u8.ToArray(), stop.Token);
                    await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server gave up on the body, as it should.
            }
        });

        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer, stop.Token);
        await stop.CancelAsync();
        await trickle;

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_is_served_with_browser_security_headers()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task AllowedHosts_refuses_other_host_names()
    {
        await using var server = await StartAsync(("AllowedHosts", "altseason.example"));
        using var client = server.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_bearer_key_on_the_ingestion_endpoints()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        var root = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("PublisherKey");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var publish = root.GetProperty("paths").GetProperty("/api/ticks").GetProperty("post");
        Assert.True(publish.GetProperty("security")[0].TryGetProperty("PublisherKey", out _));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Database_and_journal_files_are_readable_by_their_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "altseasonlive-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using (var server = await StartAsync(
                ("Storage:Provider", "Sqlite"), ("Storage:SqlitePath", Path.Combine(folder, "state.db")), ("Durability:Enabled", "true")))
            {
                using var client = server.CreateClient(authorized: true);
                var body = $$"""[{"symbol":"BTC","time":{{Now}},"price":91000}]""";
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/ticks", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
            }

            var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var mode = File.GetUnixFileMode(file);
                Assert.True((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == 0, $"{Path.GetFileName(file)} is {mode}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
