using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Failures;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>Where an approval request stands after an attempt to carry it on.</summary>
/// <param name="Record">The round as stored now (null once iTop no longer holds it).</param>
/// <param name="Ticket">The ticket as iTop answered, when it was read or written.</param>
/// <param name="Failure">Why the attempt stopped short (iTop down, the bot's account refused…); the background tries again.</param>
/// <param name="Busy">Another live instance is carrying it on.</param>
public sealed record ApprovalProgress(ApprovalRecord? Record, Ticket? Ticket, DeskFailureKind? Failure = null, bool Busy = false)
{
    /// <summary>iTop waits for approval and the cards are out (or there was nothing to do).</summary>
    public bool IsDone => Failure is null && !Busy && Record?.Phase is null or ApprovalPhase.Open;
}
