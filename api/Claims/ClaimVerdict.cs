namespace AltseasonLive.Api.Claims;

/// <summary>What the product's own data says about a claim, decided by the rule stated in the claim's finding.</summary>
public enum ClaimVerdict
{
    /// <summary>The data agrees with the claim.</summary>
    Holds,
    /// <summary>The data disagrees with the claim.</summary>
    DoesNotHold,
    /// <summary>Part holds and part does not (e.g. one mode of two).</summary>
    Mixed,
    /// <summary>The data needed is not held yet (too few bars, series not tracked).</summary>
    NotEnoughData,
    /// <summary>The claim needs a series the product does not have (e.g. the S&amp;P 500 on the bundled data).</summary>
    CannotCheck,
}
