using System.CommandLine;
using System.Globalization;
using AltseasonLive.LoadTest.Bench;
using AltseasonLive.LoadTest.Reporting;
using Spectre.Console;

namespace AltseasonLive.LoadTest.Cli;

/// <summary><c>silo-bench</c>: in-process silo throughput and allocations, and the bare statistics loop, no network.</summary>
public static class SiloBenchCommand
{
    public static Command Create()
    {
        var defaults = new SiloBenchSettings();
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds of the silo run.", DefaultValueFactory = _ => defaults.Duration.TotalSeconds };
        var warmup = new Option<double>("--warmup") { Description = "Warm-up seconds of the silo run.", DefaultValueFactory = _ => defaults.Warmup.TotalSeconds };
        var bare = new Option<double>("--bare-seconds") { Description = "Measured seconds of the bare loop.", DefaultValueFactory = _ => defaults.BareDuration.TotalSeconds };
        var callers = new Option<int>("--callers") { Description = "Concurrent callers of the ingest grain.", DefaultValueFactory = _ => defaults.Callers };
        var steps = new Option<int>("--steps-per-batch") { Description = "Steps per batch (100 ticks each).", DefaultValueFactory = _ => defaults.StepsPerBatch };
        var sqlite = new Option<bool>("--sqlite") { Description = "Temporary SQLite grain storage instead of memory." };
        var breakdown = new Option<int>("--breakdown-batches") { Description = "Sequential batches timed stage by stage after the run (0 = skip).", DefaultValueFactory = _ => defaults.BreakdownBatches };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the summary as JSON to this file." };
        var command = new Command("silo-bench", "In-process silo throughput (ticks/s, bytes/tick) on the standard 100-asset universe, against the bare single-threaded statistics loop.");
        foreach (var option in new Option[] { seconds, warmup, bare, callers, steps, sqlite, breakdown, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new SiloBenchSettings
            {
                Duration = TimeSpan.FromSeconds(result.GetValue(seconds)),
                Warmup = TimeSpan.FromSeconds(result.GetValue(warmup)),
                BareDuration = TimeSpan.FromSeconds(result.GetValue(bare)),
                Callers = Math.Max(1, result.GetValue(callers)),
                StepsPerBatch = Math.Max(1, result.GetValue(steps)),
                Sqlite = result.GetValue(sqlite),
                BreakdownBatches = Math.Max(0, result.GetValue(breakdown)),
            };
            var summary = await new SiloBench(settings).RunAsync(line => AnsiConsole.MarkupLineInterpolated($"[grey]{line}[/]"), cancellationToken);
            AnsiConsole.Write(Table(summary));
            if (summary.Stages.Count > 0)
            {
                AnsiConsole.Write(StageTable(summary.Stages));
            }

            if (result.GetValue(json) is { } file)
            {
                await SummaryJson.WriteAsync(summary, file.FullName, CancellationToken.None);
                AnsiConsole.MarkupLineInterpolated($"Summary written to [bold]{file.FullName}[/]");
            }

            return 0;
        });
        return command;
    }

    private static Table StageTable(IReadOnlyList<StageTiming> stages)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("Ingest batch, stage by stage (sequential)")
            .AddColumn("Stage").AddColumn(new TableColumn("ms/batch").RightAligned()).AddColumn(new TableColumn("µs/tick").RightAligned()).AddColumn(new TableColumn("bytes/tick").RightAligned());
        foreach (var s in stages)
        {
            table.AddRow(Markup.Escape(s.Stage), s.MsPerBatch.ToString("0.000", inv), s.MicrosecondsPerTick.ToString("0.000", inv), s.BytesPerTick.ToString("N1", inv));
        }

        return table;
    }

    private static Table Table(SiloBenchSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("Silo benchmark").AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Universe", Markup.Escape(s.Universe));
        table.AddRow("Storage / callers / ticks per batch", $"{s.Storage} / {s.Callers} / {s.TicksPerBatch}");
        table.AddRow("Silo ticks/s", string.Create(inv, $"{s.SiloTicksPerSecond:N0} ({s.SiloTicks:N0} in {s.MeasuredSeconds:0.0} s)"));
        table.AddRow("Silo bytes allocated per tick", s.SiloBytesPerTick.ToString("N1", inv));
        table.AddRow("Silo CPU (cores busy)", string.Create(inv, $"{s.SiloCpuCores:0.00} of {s.ProcessorCount}"));
        table.AddRow("Silo CPU per tick (whole process)", string.Create(inv, $"{s.SiloCpuMicrosecondsPerTick:0.000} µs"));
        table.AddRow("GC gen0 / gen1 / gen2", $"{s.Gen0Collections} / {s.Gen1Collections} / {s.Gen2Collections}");
        table.AddRow("Ingest call p50 / p99", string.Create(inv, $"{s.IngestCallP50Ms:0.0} / {s.IngestCallP99Ms:0.0} ms"));
        table.AddRow("Bare loop ticks/s (1 thread, Returns banks as the grains)", string.Create(inv, $"{s.BareTicksPerSecond:N0} ({s.BareSlots} slots)"));
        table.AddRow("Statistics path bytes per tick", s.BareBytesPerTick.ToString("0.####", inv));
        table.AddRow("Silo / bare loop", s.SiloToBareRatio.ToString("P2", inv));
        table.AddRow("Bare loop with Levels banks too (not used here)", s.BareWithLevelsTicksPerSecond.ToString("N0", inv));
        return table;
    }
}
