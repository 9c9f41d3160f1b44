using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AltseasonLive.Api.Extensions;

/// <summary>
/// Describes the publisher key in the OpenAPI document: an HTTP bearer scheme, required by the ingestion endpoints
/// (<c>/api/ticks</c>, <c>/api/ingest/...</c>), so that clients generated from the document send it.
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "PublisherKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A publisher key from Ingestion:Keys, sent as Authorization: Bearer <key>.",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/ticks", StringComparison.Ordinal) && !path.StartsWith("/api/ingest", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
            }
        }

        return Task.CompletedTask;
    }
}
