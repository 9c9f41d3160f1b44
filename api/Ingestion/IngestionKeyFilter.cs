namespace AltseasonLive.Api.Ingestion;

/// <summary>Endpoint filter: publishing requires <c>Authorization: Bearer &lt;key&gt;</c>; anything else is 401.</summary>
public sealed class IngestionKeyFilter(IngestionKeyStore keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!keys.IsAuthorized(http.Request.Headers.Authorization.ToString()))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }

        return await next(context);
    }
}
