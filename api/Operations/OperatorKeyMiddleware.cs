namespace AltseasonLive.Api.Operations;

/// <summary>
/// Guards <c>/orleans</c>: a request passes with a valid operator key in header <c>X-Operator-Key</c> or in the cookie
/// this middleware sets. A browser opens <c>/orleans?key=...</c> once: the key moves into an HttpOnly cookie scoped to
/// <c>/orleans</c> and the browser is redirected to the address without it. Anything else gets 401.
/// </summary>
public sealed class OperatorKeyMiddleware(RequestDelegate next, OperatorKeys keys)
{
    public const string HeaderName = "X-Operator-Key";
    public const string CookieName = "altseason-operator";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (keys.IsValid(request.Headers[HeaderName]) || keys.IsValid(request.Cookies[CookieName]))
        {
            return next(context);
        }

        if (request.Query["key"] is { Count: 1 } query && keys.IsValid(query[0]))
        {
            context.Response.Cookies.Append(CookieName, query[0]!.Trim(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = DashboardExtensions.Path,
            });
            context.Response.Redirect(request.PathBase + request.Path);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
