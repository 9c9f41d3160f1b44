using System.CommandLine;
using AltseasonLive.History;

namespace AltseasonLive.Silo.Cli;

/// <summary>
/// The analysis CLI and the standalone silo: <c>correlate</c>, <c>altseason</c>, <c>backtest</c>, <c>events</c>,
/// <c>serve</c>. Tests call <see cref="Run"/>/<see cref="RunAsync"/> in-process with their own writers.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter? error = null) =>
        RunAsync(args, output, error ?? output).GetAwaiter().GetResult();

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, new BundledHistory());
        var root = new RootCommand("AltseasonLive: analysis of the bundled history, and the standalone silo")
        {
            CorrelateCommand.Create(context),
            AltseasonCommand.Create(context),
            BacktestCommand.Create(context),
            EventsCommand.Create(context),
            ServeCommand.Create(context),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    /// <summary>Runs a command body, turning <see cref="CliException"/> into a message on stderr and exit code 2.</summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }

    public static async Task<int> GuardAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
    }
}
