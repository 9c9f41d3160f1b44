using System.ComponentModel.DataAnnotations;

namespace AltseasonLive.Api.Extensions;

/// <summary>
/// Origins allowed to read the api and open the hub from another site (configuration section <c>Cors</c>, e.g.
/// <c>Cors:Origins:0=https://desk.example</c>). Empty = same origin only. Ingestion endpoints never allow CORS.
/// </summary>
public sealed class BrowserCorsOptions : IValidatableObject
{
    public const string SectionName = "Cors";

    public const string PolicyName = "BrowserRead";

    public List<string> Origins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Origins.Count; i++)
        {
            if (!Uri.TryCreate(Origins[i], UriKind.Absolute, out var origin) || origin.AbsolutePath != "/" || origin.Query.Length > 0)
            {
                yield return new ValidationResult($"Cors:Origins:{i} must be an origin such as https://desk.example, not '{Origins[i]}'.", [nameof(Origins)]);
            }
        }
    }
}
