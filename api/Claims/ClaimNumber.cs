namespace AltseasonLive.Api.Claims;

/// <summary>One figure behind a finding: a label, the value (null when undefined) and its unit ("corr", "%", "date", "count").</summary>
public sealed record ClaimNumber(string Label, double? Value, string Unit);
