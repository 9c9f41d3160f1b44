using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace AltseasonLive.Api.Tests.Hubs;

/// <summary>
/// Runs the node:test unit test of the browser's <c>market-connection.js</c> (market-connection.test.mjs beside this
/// file): a gap in the events that arrive is filled from <c>GET /api/events?since=</c> or by subscribing again, and
/// nothing is skipped or handed on twice.
/// </summary>
public sealed class MarketConnectionScriptTests
{
    [Fact]
    public async Task The_browser_client_fills_event_gaps_from_the_log_and_hands_each_event_on_once_in_order()
    {
        var script = Path.Combine(SourceFolder(), "market-connection.test.mjs");
        var start = new ProcessStartInfo("node", ["--test", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"node --test failed:\n{await output}\n{await errors}");
        Assert.Contains("# pass 3", await output);
    }

    private static string SourceFolder([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? throw new InvalidOperationException("No source folder for the test.");
}
