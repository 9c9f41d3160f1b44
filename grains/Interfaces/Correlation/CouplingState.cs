namespace AltseasonLive.Grains.Interfaces.Correlation;

/// <summary>Whether a pair-window is inside its usual range (Coupled) or has broken down below it (Decoupled).</summary>
public enum CouplingState
{
    WarmingUp,
    Coupled,
    Decoupled,
}
