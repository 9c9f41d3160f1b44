using System.Collections.Immutable;

namespace AltseasonLive.Api.Claims;

/// <summary>
/// One claim of the market commentary beside what the product's data says about it. <see cref="AsOfMs"/> is the UTC
/// epoch ms of the newest bar the finding used.
/// </summary>
public sealed record Claim(
    string Id,
    string Quote,
    ClaimVerdict Verdict,
    string Finding,
    ImmutableArray<ClaimNumber> Numbers,
    long? AsOfMs);
