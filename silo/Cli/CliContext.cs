using AltseasonLive.History;
using Spectre.Console;

namespace AltseasonLive.Silo.Cli;

/// <summary>
/// What commands share: the bundled history, standard output (tables, summaries) and standard error (progress,
/// errors) as Spectre consoles over the writers the CLI was started with.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, BundledHistory history)
    {
        Output = output;
        Error = error;
        History = history;
        Out = Create(output);
        Err = Create(error);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public BundledHistory History { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Err { get; }

    private static IAnsiConsole Create(TextWriter writer)
    {
        var redirected = !ReferenceEquals(writer, Console.Out) && !ReferenceEquals(writer, Console.Error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected || Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
