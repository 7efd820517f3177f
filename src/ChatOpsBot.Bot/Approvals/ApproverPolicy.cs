using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Who decides a school's requests for approval, so that none waits on nobody: the school's approvers
/// (Roles:ApproverEmails of the ticket's organisation, the only people iTop accepts as approver_id), else the group desk,
/// who decides through the bot while iTop's approver_id stays empty.
/// </summary>
public sealed class ApproverPolicy(ITicketDesk desk, DeskDirectory directory, IOptions<RolesOptions> roles)
{
    /// <summary>The approvers of a request of this school: its own, else the group desk.</summary>
    public async Task<ApproverSet> ForAsync(int orgId, CancellationToken cancellationToken)
    {
        var school = await SchoolApproversAsync(orgId, cancellationToken).ConfigureAwait(false);
        return school.Count > 0
            ? new ApproverSet([.. school.Select(p => new ApproverRef { PersonId = p.Id, Name = p.FullName })], ByGroupDesk: false)
            : new ApproverSet(await GroupDeskAsync(cancellationToken).ConfigureAwait(false), ByGroupDesk: true);
    }

    /// <summary>The configured approvers (Roles:ApproverEmails) of the school: iTop only accepts an approver of the ticket's organisation.</summary>
    public async Task<IReadOnlyList<Person>> SchoolApproversAsync(int orgId, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        foreach (var email in roles.Value.ApproverEmails)
        {
            if (await desk.FindPersonByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } person && person.OrgId == orgId
                && people.All(p => p.Id != person.Id))
            {
                people.Add(person);
            }
        }

        return people;
    }

    /// <summary>The group desk as iTop knows it: the people of Roles:GroupDeskEmails and the members of Roles:GroupDeskTeams.</summary>
    public async Task<IReadOnlyList<ApproverRef>> GroupDeskAsync(CancellationToken cancellationToken)
    {
        var o = roles.Value;
        var people = new List<ApproverRef>();
        foreach (var email in o.GroupDeskEmails)
        {
            if (await desk.FindPersonByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } person)
            {
                people.Add(new ApproverRef { PersonId = person.Id, Name = person.FullName });
            }
        }

        if (o.GroupDeskTeams.Count > 0)
        {
            var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
            people.AddRange(teams
                .Where(t => o.GroupDeskTeams.Contains(t.Name, StringComparer.OrdinalIgnoreCase))
                .SelectMany(t => t.Members)
                .Select(m => new ApproverRef { PersonId = m.PersonId, Name = m.FullName }));
        }

        return [.. people.DistinctBy(p => p.PersonId)];
    }

    /// <summary>
    /// Server-side, on the ticket just read: an approver of the ticket's own school, or one of the round's approvers (the
    /// group desk of a school without approvers).
    /// </summary>
    public static bool MayDecide(BotUser user, Ticket ticket, ApprovalRecord round)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(round);
        return (user.Roles.IsApprover && user.Person.OrgId == ticket.OrgId)
            || (round.ByGroupDesk && round.Approvers.Any(a => a.PersonId == user.Person.Id));
    }
}

/// <summary>Who decides a request: <paramref name="ByGroupDesk"/> when the school has no approver of its own.</summary>
public sealed record ApproverSet(IReadOnlyList<ApproverRef> People, bool ByGroupDesk);
