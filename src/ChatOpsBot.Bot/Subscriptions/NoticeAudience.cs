using ChatOpsBot.Tickets.Rights;

namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>
/// The personal notices that can reach a person, by their roles (README "Who hears of what"), the only ones
/// <c>/ticket notifications</c> shows and saves: a ticket's agent hears when it comes (back) to them, and only a member of
/// a team that handles tickets (not a school's support team) can be an agent; anyone identified opens tickets from Teams
/// (and iTop's caller of a ticket opened in the console is its opener), so everyone gets the opener's kinds.
/// </summary>
public static class NoticeAudience
{
    public static IReadOnlyList<NoticeKind> For(UserRoles roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var agent = roles.IsIntervenant || roles.InTicketTeam;
        return [.. Enum.GetValues<NoticeKind>().Where(k => agent || !IsAgentKind(k))];
    }

    private static bool IsAgentKind(NoticeKind kind) => kind is NoticeKind.AssignedToMe or NoticeKind.BackToMe;
}
