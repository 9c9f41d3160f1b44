using System.Collections.Concurrent;
using AltseasonLive.Api.Ingestion;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Counts open <c>/api/ticks/ws</c> connections per publisher (<see cref="PublisherPartition"/>) and refuses one beyond
/// <see cref="IngestionOptions.MaxConnectionsPerKey"/>, so that one key cannot hold thousands of sockets and buffers.
/// </summary>
public sealed class StreamConnectionLimiter(IOptions<IngestionOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>A lease to dispose when the connection ends, or null when the publisher already holds its maximum.</summary>
    public IDisposable? TryOpen(string partition)
    {
        var max = options.Value.MaxConnectionsPerKey;
        while (true)
        {
            var current = _open.GetOrAdd(partition, 0);
            if (current >= max)
            {
                return null;
            }

            if (_open.TryUpdate(partition, current + 1, current))
            {
                return new Lease(this, partition);
            }
        }
    }

    private void Close(string partition)
    {
        while (true)
        {
            var current = _open.GetValueOrDefault(partition);
            if (current <= 1)
            {
                if (_open.TryRemove(new KeyValuePair<string, int>(partition, current)))
                {
                    return;
                }
            }
            else if (_open.TryUpdate(partition, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Lease(StreamConnectionLimiter owner, string partition) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Close(partition);
            }
        }
    }
}
