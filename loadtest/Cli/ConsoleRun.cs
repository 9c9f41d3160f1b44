using System.Net.WebSockets;
using AltseasonLive.LoadTest.Reporting;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary>
/// What the load and soak commands share around their runner: the exit codes for invalid options and for a run that
/// could not be made, progress shown as a live table or, when output is redirected or asked for, as plain lines, and
/// the <c>--json</c> file.
/// </summary>
public static class ConsoleRun
{
    /// <summary>The run could not be made (server unreachable, universe without the symbols it needs).</summary>
    public const int CouldNotRun = 1;

    /// <summary>The options have invalid values.</summary>
    public const int InvalidOptions = 2;

    /// <summary>
    /// Validates, then runs: the result and exit code 0, or no result and the exit code of what failed (the reason is printed).
    /// <paramref name="what"/> names the run in the message ("Load run", "Soak"), <paramref name="target"/> its nodes.
    /// </summary>
    public static async Task<(T? Result, int ExitCode)> RunAsync<T>(Action validate, string what, IEnumerable<Uri> target, Func<Task<T>> run)
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
            AnsiConsole.MarkupLineInterpolated($"[red]{what} failed against {string.Join(", ", target)}: {ex.Message}[/]");
            return (null, CouldNotRun);
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/> with its progress printed by <paramref name="line"/> when <see cref="Plain"/>, else
    /// filling <paramref name="table"/>, redrawn in place.
    /// </summary>
    public static async Task<T> WithProgressAsync<T, TProgress>(
        bool plain, Func<Action<TProgress>, Task<T>> run, Action<TProgress> line, Table table, Action<Table, TProgress> fill, string what)
        where T : class
    {
        if (Plain(plain))
        {
            return await run(line);
        }

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

    /// <summary>Writes <paramref name="result"/> as JSON to <paramref name="file"/> when one was asked for, and says so.</summary>
    public static async Task WriteJsonAsync<T>(T result, FileInfo? file, string what)
    {
        if (file is null)
        {
            return;
        }

        await SummaryJson.WriteAsync(result, file.FullName, CancellationToken.None);
        AnsiConsole.MarkupLineInterpolated($"{what} written to [bold]{file.FullName}[/]");
    }

    /// <summary>A redirected console reports 80 columns, which folds wide tables beyond reading.</summary>
    public static void WidenRedirectedOutput()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 180);
        }
    }

    /// <summary>True when progress should be plain lines: asked for, output redirected, or a terminal without live updates.</summary>
    private static bool Plain(bool requested) =>
        requested || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
}
