using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets.Failures;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Failures;

/// <summary>
/// What the user is told when the ticket store failed during their action, in their language: iTop unreachable, iTop
/// refusing the bot's own account (and whom to tell: <see cref="IdentityOptions.ItopAccountContact"/>), or iTop refusing the request.
/// </summary>
public sealed class DeskFailureReplies(IOptions<IdentityOptions> options)
{
    public string Contact => options.Value.ItopAccountContact;

    /// <summary>A message on its own (a reply to a command, the answer to a click that keeps its card).</summary>
    public string Text(DeskFailureKind kind, CultureInfo culture) => kind switch
    {
        DeskFailureKind.Unavailable => BotText.Get("Error_ItopUnavailable", culture),
        DeskFailureKind.CredentialsRefused => BotText.Format("Error_ItopRefusedBot", culture, Contact),
        _ => BotText.Format("Error_ItopRefused", culture, Contact),
    };

    /// <summary>The banner of a card shown again after a failed write: the domain's reason, or what the store did.</summary>
    public string Notice(Exception exception, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is TicketRuleException rule
            ? rule.Reason(culture)
            : DeskFailures.KindOf(exception, cancellationToken) switch
            {
                DeskFailureKind.Unavailable => CardText.Notice(CardNotice.ItopUnavailable, culture),
                DeskFailureKind.CredentialsRefused => BotText.Format("Error_ItopRefusedBot", culture, Contact),
                _ => BotText.Get("Error_ActionFailed", culture),
            };
    }

    /// <summary>The answer to a turn that failed on something else than the store: a bug, logged by the caller.</summary>
    public string Unexpected(CultureInfo culture) => BotText.Format("Error_Unexpected", culture, Contact);
}
