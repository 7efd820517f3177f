using ChatOpsBot.Bot.Recovery;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// One approval round of a ticket, kept under <c>approval:{ticketId}</c>. It says only what iTop holds: the request is
/// <see cref="ApprovalPhase.Open"/> once iTop waits for approval and the cards are out, <see cref="Decision"/> is set once
/// iTop took it. What the bot has started but iTop has not confirmed yet is an intent (<see cref="Phase"/> before Open,
/// <see cref="Intent"/>) held by a <see cref="Work"/> claim, which a restart finishes. A decision or a hand-over is claimed
/// by a compare-and-swap on this record (<see cref="ApprovalStore.ClaimAsync"/>), so two approvers clicking together make one.
/// </summary>
public sealed record ApprovalRecord
{
    public required int TicketId { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    /// <summary>The iTop person who asked (the opener, or the group desk): the request to iTop names them.</summary>
    public int? RequestedById { get; init; }

    /// <summary>The ticket's school: its approvers are the configured approvers of this organisation.</summary>
    public int OrgId { get; init; }

    /// <summary>Where the request stands; a record written before phases existed is Open.</summary>
    public ApprovalPhase Phase { get; init; }

    public List<ApproverRef> Approvers { get; init; } = [];

    /// <summary>
    /// The school has no approver: the group desk decides (<see cref="ApproverPolicy"/>), iTop's approver_id stays empty and
    /// nobody is offered to hand over to.
    /// </summary>
    public bool ByGroupDesk { get; init; }

    /// <summary>
    /// The group desk took over a request iTop ties to no approver (« Approuver ou refuser », <see cref="DeskApprovalHandler"/>):
    /// the school may have approvers of its own, iTop just names none, which the card says.
    /// </summary>
    public bool TakenOverByDesk { get; init; }

    /// <summary>Where the ticket was opened: the opener is told the decision there.</summary>
    public string? OpenerConversationId { get; init; }

    public string? OpenerServiceUrl { get; init; }

    /// <summary>The opener's card (the new-ticket form, or the ticket card clicked): updated when the background finishes the request.</summary>
    public string? OpenerActivityId { get; init; }

    /// <summary>The opener's Teams user id: the card put in <see cref="OpenerActivityId"/> refreshes to their own view.</summary>
    public string? OpenerUserId { get; init; }

    public string? Locale { get; init; }

    public string? ChannelActivityId { get; init; }

    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>A decision or a hand-over clicked and not yet confirmed by iTop; other clicks are refused meanwhile.</summary>
    public ApprovalIntent? Intent { get; init; }

    /// <summary>Who carries out the request (phases before Open) or the <see cref="Intent"/>.</summary>
    public WorkClaim? Work { get; init; }

    /// <summary>How many hand-overs the round has had: a click's claim must see the same number as its first read.</summary>
    public int HandOffs { get; init; }

    public ApprovalDecision? Decision { get; init; }

    public string? DecidedBy { get; init; }

    public int? DecidedById { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Comment { get; init; }

    /// <summary>A request iTop waits on, its cards out, no decision nor hand-over under way: an approver may act.</summary>
    public bool IsIdle => Phase == ApprovalPhase.Open && Intent is null && Decision is null;
}
