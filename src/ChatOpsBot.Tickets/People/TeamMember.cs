namespace ChatOpsBot.Tickets.People;

/// <summary>A member of a team (lnkPersonToTeam).</summary>
public sealed record TeamMember(int PersonId, string FullName);
