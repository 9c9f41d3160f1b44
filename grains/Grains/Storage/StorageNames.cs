namespace AltseasonLive.Grains.Storage;

/// <summary>Name of the grain storage provider every AltseasonLive grain persists to.</summary>
public static class StorageNames
{
    public const string Default = "altseason";
}
