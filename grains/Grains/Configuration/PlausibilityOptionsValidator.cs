using AltseasonLive.Grains.Interfaces.Assets;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Configuration;

/// <summary>Validates every band of <see cref="PlausibilityOptions"/> at start-up, naming the offending key.</summary>
public sealed class PlausibilityOptionsValidator : IValidateOptions<PlausibilityOptions>
{
    public ValidateOptionsResult Validate(string? name, PlausibilityOptions options)
    {
        var problems = new List<string>();
        foreach (var assetClass in Enum.GetValues<AssetClass>())
        {
            problems.AddRange(options.For(assetClass).Problems($"{PlausibilityOptions.SectionName}:{assetClass}"));
        }

        if (!(options.CompositeTolerance is >= 0 and < 1))
        {
            problems.Add($"{PlausibilityOptions.SectionName}:{nameof(PlausibilityOptions.CompositeTolerance)} must be a fraction from 0 to 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
