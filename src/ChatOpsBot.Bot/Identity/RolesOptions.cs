namespace ChatOpsBot.Bot.Identity;

/// <summary>Settings of the section <c>Roles</c>: what iTop data alone cannot say.</summary>
public sealed class RolesOptions
{
    public const string SectionName = "Roles";

    /// <summary>
    /// Members of these iTop teams are the group desk: they qualify and assign anything. This or
    /// <see cref="GroupDeskEmails"/> is required (<see cref="RolesOptionsValidator"/>): the desk is whoever the
    /// configuration says, never a person named in code.
    /// </summary>
    public List<string> GroupDeskTeams { get; set; } = [];

    /// <summary>These people (Teams email/UPN or iTop email) are the group desk.</summary>
    public List<string> GroupDeskEmails { get; set; } = [];

    /// <summary>Brique name → names of the intervenant teams that serve it.</summary>
    public Dictionary<string, List<string>> BriqueTeams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A school's support team is named this prefix + the organisation's name ("Support INSA Lyon").</summary>
    public string SupportTeamPrefix { get; set; } = "Support ";

    /// <summary>
    /// People who support their own organisation's users even if iTop does not list them in the school's support team
    /// (e.g. while the team's links are not maintained).
    /// </summary>
    public List<string> SchoolSupportEmails { get; set; } = [];

    /// <summary>
    /// Members of this iTop team (default "C2IP") open group tickets like a school support, on behalf of any person of
    /// the group; empty: nobody does.
    /// </summary>
    public string GroupOpenerTeam { get; set; } = "C2IP";

    /// <summary>People who approve requests (used by the approvals flow).</summary>
    public List<string> ApproverEmails { get; set; } = [];

    /// <summary>People who may do anything.</summary>
    public List<string> AdminEmails { get; set; } = [];

    /// <summary>Fills the brique teams the seed needs when the section leaves them out.</summary>
    internal void ApplyDefaults()
    {
        if (BriqueTeams.Count == 0)
        {
            BriqueTeams["OpenMoodle"] = ["Intervenants Moodle"];
            BriqueTeams["Scénari"] = ["Intervenants Scénari"];
        }
    }
}
