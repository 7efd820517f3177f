namespace ChatOpsBot.Testing;

/// <summary>A Teams user of the tests, in their own personal chat with the bot.</summary>
public sealed record TestUser(string TeamsId, string Name, string Email, int? PersonId)
{
    public string ConversationId => "conv-" + TeamsId.Replace("29:", string.Empty, StringComparison.Ordinal);
}

/// <summary>The seed's people as Teams users (Nathalie and Hugues have no email in iTop: mapped by configuration).</summary>
public static class TestUsers
{
    public static readonly TestUser LyonSupport = new("29:lyon", "Support INSA Lyon", "support@insa-lyon.fr", 12);
    public static readonly TestUser Nathalie = new("29:nathalie", "Nathalie Matheu", "nathalie.matheu@groupe-insa.fr", 8);
    public static readonly TestUser Hamid = new("29:hamid", "Hamid Le Fleurier", "hamid.le-fleurier@insa-toulouse.fr", 3);
    public static readonly TestUser Hugues = new("29:hugues", "Hugues Le Moane", "hugues.le-moane@groupe-insa.fr", 5);
    public static readonly TestUser Richter = new("29:richter", "Richter Elric", "richter.elric@insa-strasbourg.fr", 10);
    public static readonly TestUser Stranger = new("29:stranger", "Inconnu", "inconnu@example.org", null);

    public static IReadOnlyList<TestUser> All { get; } = [LyonSupport, Nathalie, Hamid, Hugues, Richter, Stranger];
}
