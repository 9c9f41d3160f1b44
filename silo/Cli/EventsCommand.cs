using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AltseasonLive.Feeds.Replay;
using AltseasonLive.Grains.Interfaces.Events;
using AltseasonLive.Silo.Hosting;
using Spectre.Console;

namespace AltseasonLive.Silo.Cli;

/// <summary><c>events</c>: every event the grains emit while the bundled history is replayed through an in-process silo.</summary>
public static class EventsCommand
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static Command Create(CliContext context)
    {
        var from = new Option<string?>("--from") { Description = "First replayed day, yyyy-MM-dd (default 2017-07-14)" };
        var to = new Option<string?>("--to") { Description = "Last replayed day, yyyy-MM-dd (default: last bundled day)" };
        var format = new Option<string>("--format") { Description = "csv or jsonl", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output)" };
        var command = new Command("events", "Replay the bundled history (one-day bars) through an in-process silo and list every event the grains emit")
        {
            from, to, format, output,
        };
        command.SetAction((parse, ct) => CliApp.GuardAsync(context, async () =>
        {
            var f = CliInput.Date(parse.GetValue(from), "--from");
            var t = CliInput.Date(parse.GetValue(to), "--to");
            CliInput.Range(f, t);
            var fmt = (parse.GetValue(format) ?? "csv").Trim().ToLowerInvariant();
            if (fmt is not ("csv" or "jsonl"))
            {
                throw new CliException($"--format: '{fmt}' is not a format; use csv or jsonl.");
            }

            EventReplayRunner.Result? result = null;
            await context.Err.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Replaying history through the silo");
                var reporter = new Progress<ReplayProgress>(p =>
                {
                    task.MaxValue = p.DaysTotal;
                    task.Value = p.DaysDone;
                    task.Description = $"Replaying {p.Date:yyyy-MM-dd}";
                });
                result = await new EventReplayRunner(context.History).RunAsync(f, t, reporter, ct).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

            var events = result?.Events ?? [];
            var path = parse.GetValue(output);
            var writer = path is null ? context.Output : CliInput.CreateOutput(path);
            try
            {
                Write(writer, events, fmt);
            }
            finally
            {
                if (path is not null)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }

            await context.Error.WriteLineAsync(
                $"{events.Count} events over {result?.Days} days; ticks accepted {result?.AcceptedTicks}, rejected {result?.RejectedTicks} (symbols outside the silo's universe)" +
                (path is null ? string.Empty : $" -> {path}")).ConfigureAwait(false);
            return 0;
        }));
        return command;
    }

    public static void Write(TextWriter writer, IReadOnlyList<MarketEvent> events, string format)
    {
        if (format == "csv")
        {
            using var csv = CsvOutput.Open(writer, leaveOpen: true);
            csv.Row("sequence", "time", "kind", "description");
            foreach (var e in events)
            {
                csv.Row(e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Kind.ToString(), e.Describe());
            }
        }
        else
        {
            foreach (var e in events)
            {
                writer.WriteLine(JsonSerializer.Serialize(new { e.Sequence, Time = e.Time.ToString("yyyy-MM-ddTHH:mm:ssZ"), e.Kind, Description = e.Describe(), Event = (object)e }, Json));
            }
        }
    }
}
