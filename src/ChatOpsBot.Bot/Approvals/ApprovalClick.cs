using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// One click on an approval card (approve, reject, hand over), decided on the ticket as the desk read it under the
/// ticket's write lock, and on the round as the state store has it: the clicker is an approver of the ticket's school,
/// the ticket still waits for approval, the card is the version they clicked, and the decision (or hand-over) is claimed
/// on the round before the one iTop write, whose text names the approver.
/// </summary>
public sealed class ApprovalClick(
    CardActionInput input,
    BotUser user,
    StoredApproval stored,
    DeskDirectory directory,
    ApprovalStore store,
    ApprovalHandOff handOff,
    TimeProvider time,
    CultureInfo culture)
{
    public Ticket? Read { get; private set; }

    public string? Brique { get; private set; }

    public bool IsApprover { get; private set; }

    /// <summary>The round to show: the one claimed, or the latest when the click came too late.</summary>
    public ApprovalRecord Record { get; private set; } = stored.Record;

    /// <summary>True once the round is claimed by this click (to give back if iTop refuses the write).</summary>
    public bool Claimed { get; private set; }

    /// <summary>The other approver a hand-over goes to.</summary>
    public Tickets.People.Person? Target { get; private set; }

    public string? Comment { get; private set; }

    public string? Notice { get; private set; }

    public string? Refusal { get; private set; }

    public IReadOnlyDictionary<string, string>? Errors { get; private set; }

    public bool IsHandOff => input.Verb == CardVerbs.HandOffApproval;

    public async Task<TicketWrite?> PlanAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Read = ticket;
        Brique = DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket.ServiceId);
        IsApprover = ApprovalActionHandler.IsApprover(user, ticket);
        if (!IsApprover)
        {
            return Refuse("not an approver of the ticket's school", CardText.Notice(CardNotice.NotAllowed, culture));
        }

        var record = stored.Record;
        if (record.Decision is not null || record.IsHandingOff(time.GetUtcNow()) || ticket.Status != TicketStatus.WaitingForApproval
            || !string.Equals(input.Data.Stamp, TicketStamp.Of(ticket), StringComparison.Ordinal))
        {
            // The round is read again: a decision taken since the first read is what the clicker must see.
            return await TooLateAsync(ticket.Id, "already decided or stale card", cancellationToken).ConfigureAwait(false);
        }

        return IsHandOff ? await HandOffAsync(ticket, cancellationToken).ConfigureAwait(false) : await DecideAsync(ticket, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TicketWrite?> DecideAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var approve = input.Verb == CardVerbs.Approve;
        Comment = input.Get(approve ? CardInputIds.ApproveComment : CardInputIds.RejectComment);
        if (!approve && Comment is null)
        {
            Errors = new Dictionary<string, string> { [CardInputIds.RejectComment] = CardText.Get("Approval_RejectCommentRequired", culture) };
            return Refuse("reject without a reason", null);
        }

        var now = time.GetUtcNow();
        if (!await ClaimAsync(now, r => r with
            {
                Decision = approve ? ApprovalDecision.Approved : ApprovalDecision.Rejected,
                DecidedBy = user.Person.FullName,
                DecidedById = user.Person.Id,
                DecidedAt = now,
                Comment = Comment,
            }, cancellationToken).ConfigureAwait(false))
        {
            return await TooLateAsync(ticket.Id, "another approver decided first", cancellationToken).ConfigureAwait(false);
        }

        var name = user.Person.FullName;
        return approve
            ? ticket.Approve(Comment is null
                ? BotText.Format("Approval_LogApproved", BotCulture.French, name)
                : BotText.Format("Approval_LogApprovedWithComment", BotCulture.French, name, Comment))
            : ticket.Reject(BotText.Format("Approval_LogRejected", BotCulture.French, name, Comment));
    }

    private async Task<TicketWrite?> HandOffAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        // The target is checked against the school's approvers now, never trusted from the card.
        Target = await handOff.TargetAsync(ticket, input, cancellationToken).ConfigureAwait(false);
        if (Target is null)
        {
            Errors = new Dictionary<string, string> { [CardInputIds.HandOffApprover] = CardText.Get("Approval_HandOffChoose", culture) };
            return Refuse("hand-over target is not another approver of the school", null);
        }

        // Claimed on the round as read at the click: a decision or another hand-over since then wins; while the claim holds,
        // other clicks are refused too (ApprovalRecord.HandOffStartedAt), on this instance or another.
        var now = time.GetUtcNow();
        if (!await ClaimAsync(now, r => r with { HandOffStartedAt = now, HandOffs = r.HandOffs + 1 }, cancellationToken).ConfigureAwait(false))
        {
            return await TooLateAsync(ticket.Id, "the round changed since the click", cancellationToken).ConfigureAwait(false);
        }

        Comment = input.Get(CardInputIds.HandOffComment);
        var name = user.Person.FullName;
        var note = Comment is null
            ? BotText.Format("Approval_LogHandedOff", BotCulture.French, name, Target.FullName)
            : BotText.Format("Approval_LogHandedOffWithComment", BotCulture.French, name, Target.FullName, Comment);
        return ticket.HandToApprover(Target, note);
    }

    private async Task<bool> ClaimAsync(DateTimeOffset now, Func<ApprovalRecord, ApprovalRecord> claim, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimAsync(stored, now, claim, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return false;
        }

        Record = claimed.Record;
        Claimed = true;
        return true;
    }

    private async Task<TicketWrite?> TooLateAsync(int ticketId, string why, CancellationToken cancellationToken)
    {
        Record = (await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false))?.Record ?? stored.Record;
        return Refuse(why, CardText.Notice(CardNotice.OutOfDate, culture));
    }

    private TicketWrite? Refuse(string why, string? notice)
    {
        Refusal = why;
        Notice = notice;
        return null;
    }
}
