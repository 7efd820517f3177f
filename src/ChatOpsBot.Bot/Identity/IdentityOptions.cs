using System.ComponentModel.DataAnnotations;

namespace ChatOpsBot.Bot.Identity;

/// <summary>Settings of the section <c>Identity</c>: how a Teams user becomes an iTop Person, and an iTop Person a Teams user.</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>Whom an unknown user should ask to be added to iTop (shown in the refusal message).</summary>
    [Required]
    public string UnknownUserContact { get; set; } = "nathalie.matheu@groupe-insa.fr";

    /// <summary>
    /// Whom users are told to warn when iTop refuses the bot's own account (code 1: its token, password, profile or
    /// rights): the iTop administrator, or the group desk who knows them.
    /// </summary>
    [Required]
    public string ItopAccountContact { get; set; } = "nathalie.matheu@groupe-insa.fr";

    /// <summary>How long a resolved user (person, teams, roles) is kept before iTop is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a person found in no team or group chat of the bot is not looked for again (0 = look every time).
    /// A Connector failure is never remembered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan PersonalChatMissDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Teams email/UPN → iTop Person id, for people whose iTop record has no (or another) email.
    /// Checked before iTop's <c>Person.email</c>.
    /// </summary>
    public Dictionary<string, int> People { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
