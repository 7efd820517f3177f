using ChatOpsBot.Tickets.People;

namespace ChatOpsBot.Tickets.Rights;

/// <summary>The roles a person holds in the group's support, which <see cref="TicketRights"/> judges on; the bot derives them from iTop (teams, organisation) and its configuration.</summary>
public sealed record UserRoles
{
    public static readonly UserRoles None = new();

    public bool IsGroupDesk { get; init; }

    public bool IsAdmin { get; init; }

    public bool IsApprover { get; init; }

    /// <summary>Member of the group's opener team (the C2IP): opens tickets for any person of the group.</summary>
    public bool IsGroupOpener { get; init; }

    /// <summary>The iTop teams the person belongs to.</summary>
    public IReadOnlyList<Team> Teams { get; init; } = [];

    /// <summary>Organisations whose support team the person belongs to.</summary>
    public IReadOnlyList<int> SupportOrgIds { get; init; } = [];

    /// <summary>Briques served by one of the person's teams (intervenant).</summary>
    public IReadOnlyList<string> Briques { get; init; } = [];

    public bool IsIntervenant => Briques.Count > 0;

    /// <summary>Member of a team that is not a school's support team: a ticket of that team can be assigned to them.</summary>
    public bool InTicketTeam { get; init; }

    public bool IsSchoolSupport => SupportOrgIds.Count > 0;

    public bool IsMemberOf(int? teamId) => teamId is { } id && Teams.Any(t => t.Id == id);

    public bool ServesBrique(string? brique) =>
        brique is not null && Briques.Contains(brique, StringComparer.OrdinalIgnoreCase);

    public bool SupportsOrg(int orgId) => SupportOrgIds.Contains(orgId);
}
