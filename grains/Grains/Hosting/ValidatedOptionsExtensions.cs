using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Hosting;

/// <summary>
/// The one options dialect of the silo: bound from the configuration the silo is built with, validated by their data
/// annotations when the host starts, so that a wrong value stops the start with a message that names its key. A key the
/// class does not have (a misspelling, or a retired <c>...Ms</c> key) stops the start too instead of being ignored.
/// </summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().Bind(section).ValidateDataAnnotations().ValidateOnStart()</c>. The section comes from
    /// <paramref name="config"/> rather than from the container's <see cref="IConfiguration"/> (what
    /// <c>BindConfiguration</c> reads), because test and tool silos pass their own configuration to <c>AddAltseasonLive</c>.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration config, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(config.GetSection(section), binder => binder.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
