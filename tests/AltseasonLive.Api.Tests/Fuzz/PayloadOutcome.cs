namespace AltseasonLive.Api.Tests.Fuzz;

/// <summary>
/// What the server did with one hostile payload (an item, or a whole request or frame): <see cref="Reason"/> is the
/// rejection code, problem detail, ack error or close status it gave (null when it gave none), and
/// <see cref="AsExpected"/> whether that is a correct refusal for the category.
/// </summary>
public sealed record PayloadOutcome(FuzzCategory Category, string? Reason, bool AsExpected, string Payload);
