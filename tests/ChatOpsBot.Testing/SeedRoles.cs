namespace ChatOpsBot.Testing;

/// <summary>
/// The roles of the iTop seed (the sandbox's and the real-iTop kit's) that the configuration must give the bot:
/// the group desk is whoever <c>Roles:GroupDeskEmails</c> names, and the seed's desk is Nathalie Matheu. The host's
/// embedded sandbox reads the same from its <c>appsettings.Sandbox.json</c>.
/// </summary>
public static class SeedRoles
{
    public const string GroupDeskEmail = "nathalie.matheu@groupe-insa.fr";

    /// <summary>The setting as a configuration key and value.</summary>
    public static KeyValuePair<string, string?> GroupDeskSetting { get; } = new("Roles:GroupDeskEmails:0", GroupDeskEmail);

    /// <summary>The setting as a command-line argument of the bot.</summary>
    public static string GroupDeskArgument { get; } = "--Roles:GroupDeskEmails:0=" + GroupDeskEmail;
}
