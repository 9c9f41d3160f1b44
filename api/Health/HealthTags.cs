namespace AltseasonLive.Api.Health;

/// <summary>Tags that sort the health checks into the readiness probe (<c>/readyz</c>); liveness runs none.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
