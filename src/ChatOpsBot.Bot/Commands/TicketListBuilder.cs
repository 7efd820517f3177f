using ChatOpsBot.Bot.Rendering;
using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Commands;

/// <summary>
/// <c>/tickets</c>: mine (requested by me, assigned to me, and for a school's support the school's tickets) or
/// my teams' open queue, one page at a time.
/// </summary>
public sealed class TicketListBuilder(ITicketDesk desk)
{
    public const int PageSize = 10;
    private const int MineFetchSize = 100;

    public async Task<AdaptiveCard> BuildAsync(BotUser user, TicketListScope scope, int page, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        page = Math.Max(1, page);
        IReadOnlyList<Ticket> rows;
        int total;
        if (scope == TicketListScope.Team)
        {
            var teamIds = user.Roles.Teams.Select(t => t.Id).ToList();
            if (teamIds.Count == 0)
            {
                (rows, total) = ([], 0);
            }
            else
            {
                var result = await desk.FindTicketsAsync(
                    new TicketQuery { TeamIds = teamIds, Statuses = Ongoing, Page = page, PageSize = PageSize },
                    cancellationToken).ConfigureAwait(false);
                (rows, total) = (result.Items, result.Total);
            }
        }
        else
        {
            var all = await MineAsync(user, cancellationToken).ConfigureAwait(false);
            (rows, total) = (all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count);
        }

        return TicketListCard.Build(
            new TicketListCardModel
            {
                Scope = scope,
                Page = page,
                PageCount = Math.Max(1, (total + PageSize - 1) / PageSize),
                TotalCount = total,
                Rows = rows.Select(TicketRows.Of).ToList(),
            },
            culture);
    }

    private static IReadOnlyList<TicketStatus> Ongoing { get; } =
        Enum.GetValues<TicketStatus>().Where(s => s.IsOngoing()).ToList();

    private async Task<List<Ticket>> MineAsync(BotUser user, CancellationToken cancellationToken)
    {
        var queries = new List<TicketQuery>
        {
            new() { RequesterId = user.Person.Id, PageSize = MineFetchSize },
            new() { AgentId = user.Person.Id, PageSize = MineFetchSize },
        };
        queries.AddRange(user.Roles.SupportOrgIds.Select(org => new TicketQuery { OrgId = org, PageSize = MineFetchSize }));
        var found = new Dictionary<int, Ticket>();
        foreach (var query in queries)
        {
            var result = await desk.FindTicketsAsync(query, cancellationToken).ConfigureAwait(false);
            foreach (var ticket in result.Items)
            {
                found.TryAdd(ticket.Id, ticket);
            }
        }

        return found.Values.OrderByDescending(t => t.Id).ToList();
    }
}
