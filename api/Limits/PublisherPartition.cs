using AltseasonLive.Api.Ingestion;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Who a publish request is charged to: the publisher key it presents (by position among the configured keys, never the
/// secret itself), or its remote IP when it presents no valid key, so that guessing keys cannot mint fresh buckets.
/// </summary>
public static class PublisherPartition
{
    private static readonly object ItemKey = new();

    public static string Of(HttpContext context, IngestionKeyStore keys)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is string known)
        {
            return known;
        }

        var index = keys.IndexOf(context.Request.Headers.Authorization.ToString());
        var partition = index >= 0 ? $"key:{index}" : $"ip:{context.Connection.RemoteIpAddress}";
        context.Items[ItemKey] = partition;
        return partition;
    }
}
