using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>What the person who sent a ticket for approval is told while the request is not made yet, and why.</summary>
public static class ApprovalStanding
{
    /// <summary>The banner of the ticket card clicked ("Soumettre à approbation" again finishes it).</summary>
    public static string Text(ApprovalProgress progress, DeskFailureReplies failures, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return BotText.Format("Approval_NotSentYet", culture, Reason(progress, failures, culture));
    }

    /// <summary>The opener's card after the creation: the ticket exists, the approval is not asked yet; Retry (on the draft) finishes it.</summary>
    public static AdaptiveCard Card(string ticketRef, string title, string draftId, ApprovalProgress progress, DeskFailureReplies failures, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return ErrorCard.Build(
            new NoticeCardModel(BotText.Format("Approval_NotRequestedYet", culture, ticketRef, title, Reason(progress, failures, culture)))
            {
                Title = BotText.Format("Approval_NotRequestedYetTitle", culture, ticketRef),
                RetryDraftId = draftId,
            },
            culture);
    }

    private static string Reason(ApprovalProgress progress, DeskFailureReplies failures, CultureInfo culture) =>
        progress.Busy ? BotText.Get("Approval_Reason_Busy", culture)
        : (progress.Failure ?? progress.Record?.Work?.LastFailure) switch
        {
            DeskFailureKind.Unavailable => BotText.Get("Approval_Reason_Unavailable", culture),
            DeskFailureKind.CredentialsRefused => BotText.Format("Approval_Reason_CredentialsRefused", culture, failures.Contact),
            null => BotText.Get("Approval_Reason_Interrupted", culture),
            _ => BotText.Get("Approval_Reason_Refused", culture),
        };
}
