using System.Collections.Immutable;
using AltseasonLive.Grains.Interfaces.Ticks;

namespace AltseasonLive.Api.Durability;

/// <summary>
/// One journaled tick batch: its journal <see cref="Position"/> (1, 2, 3 ... across restarts), the wall time it was
/// received (UTC epoch ms) and, when the publisher named one, its stream position (<see cref="StreamPosition"/>).
/// </summary>
public sealed record JournalRecord(long Position, long ReceivedMs, StreamPosition? Stream, ImmutableArray<Tick> Ticks);
