namespace AltseasonLive.Api.Durability;

/// <summary>
/// When each publisher stream last applied a request, for idle expiry, and the admission rules of
/// <see cref="PublisherStreamOptions"/>. Used under the publisher's gate; times are wall-clock. After a restart every
/// recovered stream counts as active from the recovery on.
/// </summary>
public sealed class StreamActivity(PublisherStreamOptions options)
{
    private readonly Dictionary<string, DateTimeOffset> _lastApplied = new(StringComparer.Ordinal);

    public void Touch(string streamId, DateTimeOffset now) => _lastApplied[streamId] = now;

    public void Forget(string streamId) => _lastApplied.Remove(streamId);

    public string? Admit(Dictionary<string, StreamPosition> streams, StreamPosition position, string scope, DateTimeOffset now)
    {
        if (streams.TryGetValue(position.StreamId, out var last))
        {
            return position.Sequence - last.Sequence > options.MaxSequenceJump
                ? $"The sequence may move at most {options.MaxSequenceJump} past the stream's last ({last.Sequence}); reset the stream to start over."
                : null;
        }

        if (Count(streams, scope) < options.MaxStreamsPerKey)
        {
            return null;
        }

        ExpireIdle(streams, now);
        return Count(streams, scope) < options.MaxStreamsPerKey
            ? null
            : $"This key already has {options.MaxStreamsPerKey} streams; reset one or wait until one has been idle for {options.IdleExpiry}.";
    }

    /// <summary>Removes the streams idle for longer than <see cref="PublisherStreamOptions.IdleExpiry"/>.</summary>
    public void ExpireIdle(Dictionary<string, StreamPosition> streams, DateTimeOffset now)
    {
        foreach (var id in streams.Keys.ToArray())
        {
            if (!_lastApplied.TryGetValue(id, out var seen) || now - seen > options.IdleExpiry)
            {
                streams.Remove(id);
                _lastApplied.Remove(id);
            }
        }
    }

    private static int Count(Dictionary<string, StreamPosition> streams, string scope)
    {
        var count = 0;
        foreach (var id in streams.Keys)
        {
            if (StreamScope.BelongsTo(id, scope))
            {
                count++;
            }
        }

        return count;
    }
}
