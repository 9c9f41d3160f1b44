using System.Collections.Immutable;

namespace AltseasonLive.Api.Ingestion;

/// <summary>Outcome of one publish request or WebSocket frame: counts and the reason for every refused item, by index.</summary>
public sealed record IngestSummary(int Received, int Accepted, int Rejected, ImmutableArray<IngestRejection> Rejections);
