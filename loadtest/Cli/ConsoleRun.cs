using System.Net.WebSockets;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>
/// What the load and soak commands share around their runner: the exit codes for invalid options and for a run that
/// could not be made, and progress shown as a live table or, when output is redirected or asked for, as plain lines.
/// </summary>
public static class ConsoleRun
{
    /// <summary>The run could not be made (server unreachable, universe without the symbols it needs).</summary>
    public const int CouldNotRun = 1;

    /// <summary>The options have invalid values.</summary>
    public const int InvalidOptions = 2;

    /// <summary>
    /// Validates, then runs: the result and exit code 0, or no result and the exit code of what failed (the reason is printed).
    /// <paramref name="what"/> names the run in the message ("Load run", "Soak").
    /// </summary>
    public static async Task<(T? Result, int ExitCode)> RunAsync<T>(Action validate, string what, Uri url, Func<Task<T>> run)
        where T : class
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return (null, InvalidOptions);
        }

        try
        {
            return (await run(), 0);
        }
        catch (Exception ex) when (ex is HttpRequestException or WebSocketException or InvalidOperationException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{what} failed against {url}: {ex.Message}[/]");
            return (null, CouldNotRun);
        }
    }

    /// <summary>True when progress should be plain lines: asked for, output redirected, or a terminal without live updates.</summary>
    public static bool Plain(bool requested) =>
        requested || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="run"/> with its progress filling <paramref name="table"/>, redrawn in place.</summary>
    public static async Task<T> WithLiveTableAsync<T, TProgress>(
        Table table, Action<Table, TProgress> fill, Func<Action<TProgress>, Task<T>> run, string what)
        where T : class
    {
        T? result = null;
        await AnsiConsole.Live(table).StartAsync(async live =>
        {
            result = await run(progress =>
            {
                fill(table, progress);
                live.Refresh();
            });
        });
        return result ?? throw new InvalidOperationException($"{what} ended without a result.");
    }
}
