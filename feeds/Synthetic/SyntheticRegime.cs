namespace AltseasonLive.Feeds.Synthetic;

/// <summary>Whether the synthetic crypto legs currently follow the Russell 2000 (coupled) or ignore it (decoupled).</summary>
public enum SyntheticRegime
{
    Coupled,
    Decoupled,
}
