namespace AltseasonLive.Api.Ingestion;

/// <summary>
/// One refused item: <see cref="Index"/> is its zero-based position in the request (array element or non-empty NDJSON
/// line); <see cref="Reason"/> a stable code (e.g. <c>InvalidPrice</c>, <c>UnknownSymbol</c>), <see cref="Detail"/> for humans.
/// </summary>
public sealed record IngestRejection(int Index, string Reason, string? Symbol, string Detail);
