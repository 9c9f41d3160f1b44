using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using AltseasonLive.Grains.Hosting;

namespace AltseasonLive.Testing;

/// <summary>
/// A private <c>redis-server</c> (Debian's, on PATH) on a free 127.0.0.1 port with its own temporary folder and the
/// append-only file on, as a cluster's backing store would run. Disposing kills it and deletes the folder.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What <c>Clustering:ConnectionString</c> takes: <c>127.0.0.1:PORT</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisProcess> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "altseasonlive-redis-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort.One();
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
                     "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--protected-mode", "yes",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new RedisProcess(process, folder, port);
        await redis.WaitUntilAnswersAsync();
        return redis;
    }

    /// <summary>Sends one command in Redis' inline protocol and returns the raw reply (for <c>INFO commandstats</c> and the like).</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[1 << 16];
        var reply = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        do
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        while (!IsComplete(reply));

        return reply.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    // A simple string (+PONG), an error or an integer ends at its first CRLF; a bulk string ($len) after len more bytes.
    private static bool IsComplete(StringBuilder reply)
    {
        var text = reply.ToString();
        var firstLine = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (firstLine < 0)
        {
            return false;
        }

        if (text[0] != '$')
        {
            return true;
        }

        var length = int.Parse(text.AsSpan(1, firstLine - 1), CultureInfo.InvariantCulture);
        return length < 0 || Encoding.UTF8.GetByteCount(text) >= firstLine + 2 + length + 2;
    }

    private async Task WaitUntilAnswersAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {_process.ExitCode}.");
            }

            try
            {
                if ((await CommandAsync("PING")).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("redis-server did not answer PING.");
    }
}
