using System.Collections.Immutable;
using AltseasonLive.Api.Market;
using AltseasonLive.Api.Push;
using AltseasonLive.Grains.Interfaces.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AltseasonLive.Api.Apis;

/// <summary>The event log over REST: <c>GET /api/events?since=&lt;seq&gt;&amp;max=&lt;n&gt;</c>.</summary>
public static class EventsApi
{
    public const int MaxPage = 1000;

    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events");
        group.MapGet("/", GetEvents)
            .WithSummary("Events after sequence 'since' (oldest first), or the most recent 'max' when 'since' is omitted.");
        return group;
    }

    public static async Task<Results<Ok<EventsResponse>, ProblemHttpResult>> GetEvents(
        IGrainFactory grains, CancellationToken ct, long? since = null, int max = 100)
    {
        if (max is < 1 or > MaxPage || since < 0)
        {
            return TypedResults.Problem($"max must be 1..{MaxPage} and since >= 0.", statusCode: StatusCodes.Status400BadRequest);
        }

        var log = grains.GetGrain<IEventLogGrain>(0);
        var after = since;
        if (after is null)
        {
            var head = await log.GetSince(long.MaxValue, 0).WaitAsync(ct);
            after = Math.Max(0, Math.Max(head.OldestRetainedSequence - 1, head.LastSequence - max));
        }

        var page = await log.GetSince(after.Value, max).WaitAsync(ct);
        return TypedResults.Ok(new EventsResponse(
            HubMessageMapper.ToHub(page.Events), page.LastSequence, page.OldestRetainedSequence, since is not null && page.Truncated, page.HasMore));
    }
}

/// <summary>
/// A page of the event log. <see cref="Truncated"/>: events after the requested sequence already left retention (reload
/// from snapshots). <see cref="HasMore"/>: ask again with <c>since</c> = the last returned sequence.
/// </summary>
public sealed record EventsResponse(
    ImmutableArray<HubEvent> Events, long LastSequence, long OldestRetainedSequence, bool Truncated, bool HasMore);
