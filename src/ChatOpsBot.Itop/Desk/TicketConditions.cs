using ChatOpsBot.Itop.Oql;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Itop.Desk;

/// <summary>The OQL conditions of a <see cref="TicketQuery"/> (joined with AND), every value an escaped literal.</summary>
internal static class TicketConditions
{
    public static List<string> Of(TicketQuery query)
    {
        var conditions = new List<string>();
        if (query.RequesterId is { } requester)
        {
            conditions.Add(OqlQuery.Format($"caller_id = {requester}"));
        }

        if (query.AgentId is { } agent)
        {
            conditions.Add(OqlQuery.Format($"agent_id = {agent}"));
        }

        if (query.InvolvedPersonId is { } person)
        {
            conditions.Add(OqlQuery.Format($"(caller_id = {person} OR agent_id = {person})"));
        }

        if (query.TeamIds is { Count: > 0 } teams)
        {
            conditions.Add(OqlQuery.Format($"team_id IN {teams}"));
        }

        if (query.OrgId is { } org)
        {
            conditions.Add(OqlQuery.Format($"org_id = {org}"));
        }

        if (query.ServiceIds is { Count: > 0 } services)
        {
            conditions.Add(OqlQuery.Format($"service_id IN {services}"));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            conditions.Add(OqlQuery.Format($"status IN {statuses.Select(s => s.ToCode()).ToList()}"));
        }

        if (!string.IsNullOrWhiteSpace(query.Ref))
        {
            conditions.Add(OqlQuery.Format($"ref = {query.Ref}"));
        }

        foreach (var word in query.Words ?? [])
        {
            var like = new OqlLike(word);
            conditions.Add(OqlQuery.Format($"(title LIKE {like} OR caller_id_friendlyname LIKE {like})"));
        }

        if (query.VisibleTo is { } visible)
        {
            conditions.Add(Visibility(visible));
        }

        return conditions;
    }

    private static string Visibility(TicketVisibility visible)
    {
        var any = new List<string> { OqlQuery.Format($"caller_id = {visible.PersonId}"), OqlQuery.Format($"agent_id = {visible.PersonId}") };
        if (visible.TeamIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"team_id IN {visible.TeamIds}"));
        }

        if (visible.OrgIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"org_id IN {visible.OrgIds}"));
        }

        if (visible.ServiceIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"service_id IN {visible.ServiceIds}"));
        }

        return "(" + string.Join(" OR ", any) + ")";
    }
}
