using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// Runs crash recovery at start-up (after the silo, before the feeds and the web server: hosted services start in
/// registration order), then checkpoints every <see cref="DurabilityOptions.CheckpointInterval"/>, and once more on shutdown.
/// </summary>
public sealed partial class DurabilityService(
    DurableTickSink publisher,
    IOptions<DurabilityOptions> options,
    ILogger<DurabilityService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await publisher.RecoverAsync(cancellationToken);
        _loop = CheckpointLoop(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
        await publisher.CheckpointAsync(force: false, cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task CheckpointLoop(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await publisher.CheckpointAsync(force: false, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogCheckpointFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: StopAsync takes the final checkpoint.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkpoint failed; the journal keeps every batch since the last one")]
    private partial void LogCheckpointFailed(Exception exception);
}
