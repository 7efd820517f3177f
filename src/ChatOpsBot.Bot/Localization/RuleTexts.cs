using System.Globalization;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Bot.Localization;

/// <summary>
/// The words under a form's input for a rule of the domain it breaks: the bot's field-level wording where it has one
/// (« Ce champ est obligatoire. »), else the domain's own text (Tickets' Resources/TicketRuleMessages*.resx).
/// </summary>
public static class RuleTexts
{
    private static readonly Dictionary<TicketRuleCode, string> FieldWording = new()
    {
        [TicketRuleCode.TitleRequired] = "Error_Required",
        [TicketRuleCode.DescriptionRequired] = "Error_Required",
        [TicketRuleCode.UrgencyInvalid] = "Error_Required",
        [TicketRuleCode.PendingReasonRequired] = "Error_Required",
        [TicketRuleCode.SolutionRequired] = "Error_Required",
        [TicketRuleCode.ReopenReasonRequired] = "Error_Required",
        [TicketRuleCode.CommentRequired] = "Error_Required",
        [TicketRuleCode.TitleTooLong] = "Error_TooLong",
        [TicketRuleCode.TeamRequired] = "Error_TeamRequired",
        [TicketRuleCode.AgentRequired] = "Error_AgentNotInTeam",
        [TicketRuleCode.AgentNotInTeam] = "Error_AgentNotInTeam",
        [TicketRuleCode.ServiceRequired] = "Error_ServiceRequired",
        [TicketRuleCode.UnknownService] = "Error_ServiceRequired",
        [TicketRuleCode.ServiceNotCovered] = "Error_ServiceRequired",
        [TicketRuleCode.UnknownSubService] = "Error_SubServiceOfOtherService",
        [TicketRuleCode.SubServiceOfOtherService] = "Error_SubServiceOfOtherService",
        [TicketRuleCode.SubServiceNotServiceRequest] = "Error_SubServiceOfOtherService",
        [TicketRuleCode.SubServiceObsolete] = "Error_SubServiceOfOtherService",
        [TicketRuleCode.CallerRequired] = "Error_CallerRequired",
        [TicketRuleCode.CallerOtherOrganization] = "Error_CallerRequired",
    };

    /// <summary>The codes the bot words itself (the others are shown in the domain's words).</summary>
    public static IReadOnlyCollection<TicketRuleCode> Worded => FieldWording.Keys;

    /// <summary>The text of the violation under its input; <paramref name="wording"/> (a bot text key) overrides the code's.</summary>
    public static string Of(TicketViolation violation, CultureInfo culture, string? wording = null)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var key = wording ?? FieldWording.GetValueOrDefault(violation.Code);
        return key is null ? violation.Reason(culture) : BotText.Format(key, culture, [.. violation.Args]);
    }
}
