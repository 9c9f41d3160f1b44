namespace AltseasonLive.Api.Durability;

/// <summary>What <see cref="TickJournal.Open"/> found: every intact batch (journal order) and the newest position of each publisher stream.</summary>
public sealed record JournalContents(IReadOnlyList<JournalRecord> Batches, IReadOnlyDictionary<string, StreamPosition> Streams, long LastPosition);
