using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// One approval round of a ticket, kept under <c>approval:{ticketId}</c>. A decision or a hand-over is claimed by a
/// compare-and-swap on this record (<see cref="ApprovalStore.ClaimAsync"/>), so two approvers clicking together make one.
/// </summary>
public sealed record ApprovalRecord
{
    public required int TicketId { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required string RequestedBy { get; init; }

    public List<ApproverRef> Approvers { get; init; } = [];

    /// <summary>Where the ticket was opened: the opener is told the decision there.</summary>
    public string? OpenerConversationId { get; init; }

    public string? OpenerServiceUrl { get; init; }

    public string? Locale { get; init; }

    public string? ChannelActivityId { get; init; }

    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>
    /// Set by a hand-over's claim until its iTop write is done: a click that reads the round meanwhile would still see
    /// the ticket as it was before the hand-over, so it is refused. A claim older than <see cref="HandOffClaimLifetime"/>
    /// is one whose process died, and no longer counts.
    /// </summary>
    public DateTimeOffset? HandOffStartedAt { get; init; }

    /// <summary>How many hand-overs the round has had: a click's claim must see the same number as its first read.</summary>
    public int HandOffs { get; init; }

    public static TimeSpan HandOffClaimLifetime { get; } = TimeSpan.FromMinutes(2);

    public bool IsHandingOff(DateTimeOffset now) => HandOffStartedAt is { } started && now - started < HandOffClaimLifetime;

    public ApprovalDecision? Decision { get; init; }

    public string? DecidedBy { get; init; }

    public int? DecidedById { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Comment { get; init; }
}
