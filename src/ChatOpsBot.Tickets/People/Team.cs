namespace ChatOpsBot.Tickets.People;

/// <summary>An iTop Team with its members.</summary>
public sealed record Team(int Id, string Name, int OrgId, string OrgName, string Email, IReadOnlyList<TeamMember> Members)
{
    public bool HasMember(int personId) => Members.Any(m => m.PersonId == personId);
}
