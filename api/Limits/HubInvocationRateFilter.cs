using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace AltseasonLive.Api.Limits;

/// <summary>
/// Hub filter limiting method invocations (Subscribe, Unsubscribe...) per <c>/hubs/market</c> connection with a token
/// bucket: an invocation over the limit fails with a <see cref="HubException"/> saying so, and a connection refused
/// <see cref="LimitsOptions.HubViolationsBeforeAbort"/> times in a row is aborted. Other connections are unaffected.
/// </summary>
public sealed partial class HubInvocationRateFilter(IOptions<LimitsOptions> options, ILogger<HubInvocationRateFilter> logger) : IHubFilter
{
    private static readonly object ItemKey = new();

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = invocationContext.Context;
        var budget = BudgetOf(connection);
        var decision = budget.Tokens.TryTake(1);
        if (decision.Allowed)
        {
            Interlocked.Exchange(ref budget.ConsecutiveViolations, 0);
            return await next(invocationContext);
        }

        var limits = options.Value;
        var violations = Interlocked.Increment(ref budget.ConsecutiveViolations);
        if (violations >= limits.HubViolationsBeforeAbort)
        {
            LogAborted(connection.ConnectionId, violations);
            connection.Abort();
        }

        throw new HubException(
            $"{RateLimitReason.InvocationRate}: more than {limits.HubInvocationsPerSecond} hub invocations per second " +
            $"(burst {limits.HubInvocationBurst}) on this connection; retry after {decision.RetryAfterSeconds} s.");
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        BudgetOf(context.Context);
        return next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.Remove(ItemKey, out var budget) && budget is InvocationBudget owned)
            {
                owned.Tokens.Dispose();
            }
        }
    }

    private InvocationBudget BudgetOf(HubCallerContext connection)
    {
        if (connection.Items.TryGetValue(ItemKey, out var existing) && existing is InvocationBudget budget)
        {
            return budget;
        }

        var limits = options.Value;
        budget = new InvocationBudget(new TokenBudget(limits.HubInvocationsPerSecond, limits.HubInvocationBurst));
        connection.Items[ItemKey] = budget;
        return budget;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection {ConnectionId} aborted after {Violations} rate-limited invocations in a row")]
    private partial void LogAborted(string connectionId, int violations);

    /// <summary>One connection's bucket and its current streak of refused invocations.</summary>
    private sealed class InvocationBudget(TokenBudget tokens)
    {
        public int ConsecutiveViolations;

        public TokenBudget Tokens { get; } = tokens;
    }
}
