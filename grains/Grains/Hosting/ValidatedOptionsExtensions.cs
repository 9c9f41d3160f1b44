using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Grains.Hosting;

/// <summary>
/// The one options dialect: bound from configuration, validated by their data annotations when the host starts, so
/// that a wrong value stops the start with a message that names its key. A key the class does not have (a misspelling,
/// or a retired <c>...Ms</c> key) stops the start too instead of being ignored.
/// </summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;().Bind(section).ValidateDataAnnotations().ValidateOnStart()</c>. The section comes from
    /// <paramref name="config"/> rather than from the container's <see cref="IConfiguration"/>, because test and tool
    /// silos pass their own configuration to <c>AddAltseasonLive</c>.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration config, string section)
        where T : class =>
        services.AddOptions<T>()
            .Configure(options => BindStrictly(config.GetSection(section), options))
            .ValidateDataAnnotations()
            .ValidateOnStart();

    /// <summary>
    /// <c>AddOptions&lt;T&gt;().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart()</c>: the section of
    /// the container's <see cref="IConfiguration"/> (the api's settings). Only for a section whose every key is a member
    /// of <typeparamref name="T"/>: a section that also holds another class's subsection would be refused.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class =>
        services.AddOptions<T>()
            .Configure<IConfiguration>((options, config) => BindStrictly(config.GetSection(section), options))
            .ValidateDataAnnotations()
            .ValidateOnStart();

    private static void BindStrictly(IConfigurationSection section, object options)
    {
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e) when (e.InnerException is InvalidOperationException conversion)
        {
            // Refusing unknown keys makes the binder report a value it cannot convert under a generic message; the
            // inner one names the key and the value.
            throw new InvalidOperationException(conversion.Message, e);
        }
    }
}
