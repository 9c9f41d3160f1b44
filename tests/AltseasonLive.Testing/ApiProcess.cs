using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using AltseasonLive.Grains.Hosting;

namespace AltseasonLive.Testing;

/// <summary>
/// The real api as a child process (<c>dotnet AltseasonLive.Api.dll</c> from the test's output folder) on a free
/// 127.0.0.1 port, so a test can kill it the hard way (SIGKILL) and start it again on the same data folder. The built-in
/// feeds are off (<c>Feeds:Mode=Off</c>); <paramref name="settings"/> of <see cref="StartAsync"/> override any argument.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string IngestionKey = "durability-test-key";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>True once the process has ended (killed, stopped or crashed).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>
    /// Starts the api and waits until <paramref name="readyPath"/> answers 200: <c>/healthz</c> (the process serves) by
    /// default, <c>/readyz</c> to wait until its silo is active in the cluster.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string> settings, string readyPath = "/healthz")
    {
        var port = FreePort.One();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AltseasonLive.Api.dll"));
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["environment"] = "Production",
            ["Feeds:Mode"] = "Off",
            ["Feeds:Replay:Enabled"] = "false",
            ["Feeds:Synthetic:Enabled"] = "false",
            ["Data:Folder"] = dataFolder,
            ["Clustering:SiloPort"] = FreePort.One().ToString(CultureInfo.InvariantCulture),
            ["Clustering:GatewayPort"] = FreePort.One().ToString(CultureInfo.InvariantCulture),
            ["Ingestion:Keys:0"] = IngestionKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:AltseasonLive.Api.Durability"] = "Information",
            ["Logging:LogLevel:Orleans"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilAnswersAsync(readyPath);
        return api;
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", IngestionKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>A clean stop: SIGTERM, after which the host shuts down gracefully (and takes its final checkpoint).</summary>
    public async Task StopAsync()
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM could not be sent (errno {Marshal.GetLastPInvokeError()}).");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The api stopped with {_process.ExitCode}:{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilAnswersAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The api exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The api did not answer {path}:{Environment.NewLine}{Output}");
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
