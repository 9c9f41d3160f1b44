using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AltseasonLive.Grains.Configuration;
using AltseasonLive.Grains.Hosting;
using AltseasonLive.Grains.Interfaces.Ticks;
using HdrHistogram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AltseasonLive.LoadTest.Bench;

/// <summary>
/// Throughput of the silo alone: an in-process silo (localhost clustering on free ports, memory or temporary SQLite
/// storage, the standard benchmark universe) driven through <see cref="ITickIngestGrain"/> by concurrent callers, no
/// network; then the bare loop on the same tick sequence.
/// </summary>
public sealed class SiloBench(SiloBenchSettings settings)
{
    public async Task<SiloBenchSummary> RunAsync(Action<string>? log, CancellationToken cancellationToken)
    {
        var universe = BenchUniverse.Standard();
        var startMs = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000 * 1000) - (long)TimeSpan.FromDays(1).TotalMilliseconds;
        var sqlitePath = Path.Combine(Path.GetTempPath(), $"altseason-bench-{Guid.NewGuid():N}.db");
        using var host = BuildHost(universe, sqlitePath);
        await host.StartAsync(cancellationToken);
        try
        {
            log?.Invoke($"Silo started: {universe.Symbols.Count} assets, {universe.PairWindows} pair-windows, {settings.Callers} callers x {settings.StepsPerBatch * universe.Symbols.Count} ticks");
            var tape = new BenchTape(universe, settings.Seed, startMs);
            var ingest = host.Services.GetRequiredService<IGrainFactory>().GetGrain<ITickIngestGrain>(0);
            var silo = await DriveAsync(ingest, tape, log, cancellationToken);
            log?.Invoke($"Stage breakdown ({settings.BreakdownBatches} sequential batches)...");
            var stages = settings.BreakdownBatches > 0
                ? await new StageBreakdown(host.Services.GetRequiredService<IGrainFactory>(), tape, settings.StepsPerBatch).RunAsync(settings.BreakdownBatches)
                : [];
            await host.StopAsync(CancellationToken.None);

            log?.Invoke("Bare loop...");
            var bare = new BareLoop(new BenchTape(universe, settings.Seed, startMs)).Measure(settings.BareDuration);
            var withLevels = new BareLoop(new BenchTape(universe, settings.Seed, startMs), includeLevels: true).Measure(settings.BareDuration);
            return silo with
            {
                BareTicks = bare.Ticks,
                BareTicksPerSecond = Math.Round(bare.TicksPerSecond),
                BareBytesPerTick = Math.Round(bare.BytesPerTick, 4),
                BareSlots = bare.Slots,
                SiloToBareRatio = Math.Round(silo.SiloTicksPerSecond / bare.TicksPerSecond, 4),
                BareWithLevelsTicksPerSecond = Math.Round(withLevels.TicksPerSecond),
                Stages = stages,
            };
        }
        finally
        {
            foreach (var file in new[] { sqlitePath, sqlitePath + "-wal", sqlitePath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private IHost BuildHost(BenchUniverse universe, string sqlitePath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // Orleans' own start/stop chatter (ServerGC notes, memory-storage writes refused during shutdown) would bury the results.
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Critical).AddFilter("Polly", LogLevel.Critical);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = settings.Sqlite ? nameof(StorageProvider.Sqlite) : nameof(StorageProvider.Memory),
            ["Storage:SqlitePath"] = sqlitePath,
            ["Bars:FutureTolerance"] = "30.00:00:00",
        });
        var (siloPort, gatewayPort) = (FreePort.One(), FreePort.One());
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddAltseasonLive(builder.Configuration);
            silo.Services.Configure<UniverseOptions>(universe.ApplyTo);
        });
        return builder.Build();
    }

    private async Task<SiloBenchSummary> DriveAsync(ITickIngestGrain ingest, BenchTape tape, Action<string>? log, CancellationToken ct)
    {
        long accepted = 0;
        var measuring = 0;
        var calls = new LongHistogram(1, 60_000_000, 3);
        var callsGate = new Lock();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var callers = Enumerable.Range(0, settings.Callers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var batch = tape.NextBatch(settings.StepsPerBatch);
                var started = Stopwatch.GetTimestamp();
                var result = await ingest.Ingest(batch);
                if (Volatile.Read(ref measuring) != 0)
                {
                    var us = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                    lock (callsGate)
                    {
                        calls.RecordValue(Math.Clamp(us, 1, 60_000_000));
                    }
                }

                Interlocked.Add(ref accepted, result.Accepted);
            }
        }, CancellationToken.None)).ToList();

        await Task.Delay(settings.Warmup, ct);
        log?.Invoke($"Warm-up done: {Interlocked.Read(ref accepted):N0} ticks accepted");
        var process = Process.GetCurrentProcess();
        var gen = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var ticks = Interlocked.Read(ref accepted);
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, 1);
        var next = TimeSpan.FromSeconds(5);
        while (clock.Elapsed < settings.Duration)
        {
            var wait = (next < settings.Duration ? next : settings.Duration) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            log?.Invoke($"{clock.Elapsed.TotalSeconds:0}s: {(Interlocked.Read(ref accepted) - ticks) / clock.Elapsed.TotalSeconds:N0} ticks/s");
            next += TimeSpan.FromSeconds(5);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var measuredTicks = Interlocked.Read(ref accepted) - ticks;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var gcs = (GC.CollectionCount(0) - gen.Item1, GC.CollectionCount(1) - gen.Item2, GC.CollectionCount(2) - gen.Item3);
        await stop.CancelAsync();
        await Task.WhenAll(callers);
        double p50, p99;
        lock (callsGate)
        {
            p50 = calls.GetValueAtPercentile(50) / 1000.0;
            p99 = calls.GetValueAtPercentile(99) / 1000.0;
        }

        return new SiloBenchSummary(
            $"{tape.Universe.Symbols.Count} assets, {tape.Universe.PairWindows} pair-windows (windows 30/90/365, Returns)",
            settings.Sqlite ? "Sqlite (temporary file)" : "Memory",
            settings.Callers,
            settings.StepsPerBatch * tape.Width,
            Math.Round(seconds, 3),
            measuredTicks,
            Math.Round(measuredTicks / seconds),
            measuredTicks == 0 ? 0 : Math.Round((double)bytes / measuredTicks, 1),
            Math.Round(cpuSeconds / seconds, 2),
            gcs.Item1,
            gcs.Item2,
            gcs.Item3,
            Math.Round(p50, 3),
            Math.Round(p99, 3),
            0,
            0,
            0,
            0,
            0,
            Environment.ProcessorCount,
            [],
            0,
            measuredTicks == 0 ? 0 : Math.Round(cpuSeconds * 1e6 / measuredTicks, 3));
    }
}
