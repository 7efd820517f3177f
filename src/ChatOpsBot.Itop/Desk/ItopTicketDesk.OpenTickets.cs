using ChatOpsBot.Itop.Oql;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Itop.Desk;

/// <summary>The one-query reads of open tickets: the daily digest's and the duplicate check's.</summary>
public sealed partial class ItopTicketDesk
{
    private static readonly string[] ClosedCodes = [TicketStatus.Closed.ToCode(), TicketStatus.Rejected.ToCode()];

    public async Task<TicketPage> FindOpenTicketsAsync(TicketFollow follow, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var any = new List<string>();
        if (follow.ServiceIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"service_id IN {follow.ServiceIds}"));
        }

        if (follow.TeamIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"team_id IN {follow.TeamIds}"));
        }

        if (follow.OrgIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"org_id IN {follow.OrgIds}"));
        }

        if (follow.PersonIds.Count > 0)
        {
            any.Add(OqlQuery.Format($"caller_id IN {follow.PersonIds} OR agent_id IN {follow.PersonIds}"));
        }

        if (any.Count == 0)
        {
            return new TicketPage([], 0, 1, max);
        }

        var items = await OpenTicketsAsync(OqlQuery.Format($"status NOT IN {ClosedCodes}") + " AND (" + string.Join(" OR ", any) + ")", max, cancellationToken).ConfigureAwait(false);
        return new TicketPage(items.Items.OrderBy(t => t.StartDate).ThenBy(t => t.Id).ToList(), items.Total, 1, max);
    }

    public async Task<IReadOnlyList<Ticket>> FindLookalikesAsync(TicketLookalike probe, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.IsEmpty)
        {
            return [];
        }

        var any = probe.TitleWords.Select(w => OqlQuery.Format($"title LIKE {new OqlLike(w)}")).ToList();
        if (probe is { CallerId: { } caller, SubServiceId: { } sub })
        {
            any.Insert(0, OqlQuery.Format($"(servicesubcategory_id = {sub} AND caller_id = {caller})"));
        }

        var oql = OqlQuery.Format($"org_id = {probe.OrgId} AND status NOT IN {ClosedCodes}") + " AND (" + string.Join(" OR ", any) + ")";
        return (await OpenTicketsAsync(oql, max, cancellationToken).ConfigureAwait(false)).Items;
    }

    private async Task<(IReadOnlyList<Ticket> Items, int Total)> OpenTicketsAsync(string conditions, int max, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(max, 1, 500);
        var envelope = await client.GetAsync(UserRequest, "SELECT UserRequest WHERE " + conditions, ItopFields.TicketSummary, size, 1, cancellationToken).ConfigureAwait(false);
        var items = envelope.Objects.Select(mapper.ToTicket).ToList();
        return (items, envelope.Total ?? items.Count);
    }
}
