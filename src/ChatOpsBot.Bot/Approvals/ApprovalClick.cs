using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// One click on an approval card (approve, reject, hand over), decided on the ticket as the desk read it under the
/// ticket's write lock and on the round as the state store has it: the clicker is an approver of the ticket's school,
/// the ticket still waits for approval, the round is idle and the card is the version they clicked. The click is then
/// claimed as an intent on the round (<see cref="ApprovalDecisions.ClaimAsync"/>) before the one iTop write, whose text
/// names the approver; the caller records or gives back the intent once iTop answered.
/// </summary>
public sealed class ApprovalClick(
    CardActionInput input,
    BotUser user,
    StoredApproval stored,
    DeskDirectory directory,
    ApprovalDecisions decisions,
    ApprovalHandOff handOff,
    TimeProvider time,
    CultureInfo culture)
{
    public Ticket? Read { get; private set; }

    public string? Brique { get; private set; }

    public bool IsApprover { get; private set; }

    /// <summary>The intent this click claimed on the round (to record, or to give back if iTop refuses the write).</summary>
    public ApprovalIntent? Intent { get; private set; }

    /// <summary>The click came after a decision, during another click or on an old card: the latest round is shown.</summary>
    public bool TooLate { get; private set; }

    public string? Notice { get; private set; }

    public string? Refusal { get; private set; }

    public IReadOnlyDictionary<string, string>? Errors { get; private set; }

    public async Task<TicketWrite?> PlanAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Read = ticket;
        Brique = DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket.ServiceId);
        IsApprover = ApproverPolicy.MayDecide(user, ticket, stored.Record);
        if (!IsApprover)
        {
            return Refuse("not an approver of the request", CardText.Notice(CardNotice.NotAllowed, culture));
        }

        if (!stored.Record.IsIdle || ticket.Status != TicketStatus.WaitingForApproval || !string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal))
        {
            // A click under way (another approver's, not confirmed by iTop yet) is refused too.
            return Late("already decided, under way or stale card");
        }

        return input.Verb == CardVerbs.HandOffApproval
            ? await HandOffAsync(ticket, cancellationToken).ConfigureAwait(false)
            : await DecideAsync(ticket, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TicketWrite?> DecideAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var approve = input.Verb == CardVerbs.Approve;
        var comment = input.Get(approve ? CardInputIds.ApproveComment : CardInputIds.RejectComment);
        // The reason a rejection needs is the domain's rule, worded by the approval card under its input.
        if (!approve && ticket.CheckReject(comment).Violations.Any(v => v.Field == TicketField.Reason))
        {
            Errors = new Dictionary<string, string> { [CardInputIds.RejectComment] = CardText.Get("Approval_RejectCommentRequired", culture) };
            return Refuse("reject without a reason", null);
        }

        var intent = NewIntent(approve ? ApprovalIntentKind.Approve : ApprovalIntentKind.Reject, comment);
        if (!await ClaimAsync(intent, cancellationToken).ConfigureAwait(false))
        {
            return Late("another approver decided first");
        }

        return approve ? ticket.Approve(ApprovalDecisions.LogText(intent)) : ticket.Reject(ApprovalDecisions.LogText(intent));
    }

    private async Task<TicketWrite?> HandOffAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        // The target is checked against the school's approvers now, never trusted from the card.
        if (await handOff.TargetAsync(ticket, input, cancellationToken).ConfigureAwait(false) is not { } target)
        {
            Errors = new Dictionary<string, string> { [CardInputIds.HandOffApprover] = CardText.Get("Approval_HandOffChoose", culture) };
            return Refuse("hand-over target is not another approver of the school", null);
        }

        var intent = NewIntent(ApprovalIntentKind.HandOff, input.Get(CardInputIds.HandOffComment)) with { TargetId = target.Id, TargetName = target.FullName };
        if (!await ClaimAsync(intent, cancellationToken).ConfigureAwait(false))
        {
            return Late("the round changed since the click");
        }

        return ticket.HandToApprover(target, ApprovalHandOff.LogText(intent));
    }

    private ApprovalIntent NewIntent(ApprovalIntentKind kind, string? comment) => new()
    {
        Kind = kind,
        ById = user.Person.Id,
        By = user.Person.FullName,
        At = time.GetUtcNow(),
        Comment = comment,
    };

    /// <summary>Claimed on the round as read at the click: a decision or another hand-over since then wins.</summary>
    private async Task<bool> ClaimAsync(ApprovalIntent intent, CancellationToken cancellationToken)
    {
        if (await decisions.ClaimAsync(stored, intent, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        Intent = intent;
        return true;
    }

    private TicketWrite? Late(string why)
    {
        TooLate = true;
        return Refuse(why, null);
    }

    private TicketWrite? Refuse(string why, string? notice)
    {
        Refusal = why;
        Notice = notice;
        return null;
    }
}
