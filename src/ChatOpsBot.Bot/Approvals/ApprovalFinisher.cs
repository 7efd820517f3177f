using System.Globalization;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Recovery;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Finishes an approval round left half done: a request not made or not delivered (<see cref="ApprovalStarter"/>), a decision
/// or a hand-over not confirmed (<see cref="ApprovalDecisions"/>, <see cref="ApprovalHandOff"/>). Run in the background, and by
/// a click on the round when its holder is dead.
/// </summary>
public sealed class ApprovalFinisher(
    ApprovalStore store,
    UnfinishedWork unfinished,
    ApprovalStarter starter,
    ApprovalDecisions decisions,
    ApprovalHandOff handOff,
    OpenerCards openerCards,
    ILogger<ApprovalFinisher> logger) : IWorkFinisher
{
    public string Kind => UnfinishedWork.Approvals;

    public Task FinishAsync(string id, CancellationToken cancellationToken) =>
        FinishAsync(int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture), background: true, cancellationToken);

    public async Task FinishAsync(int ticketId, bool background, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
        switch (stored?.Record)
        {
            case { Intent.Kind: ApprovalIntentKind.HandOff }:
                await handOff.FinishAsync(stored, background, cancellationToken).ConfigureAwait(false);
                break;
            case { Intent: not null }:
                await decisions.FinishAsync(stored, background, cancellationToken).ConfigureAwait(false);
                break;
            case { Phase: not ApprovalPhase.Open } record:
            {
                var progress = await starter.ContinueAsync(ticketId, background, cancellationToken).ConfigureAwait(false);
                if (progress.IsDone && progress.Ticket is { } ticket && background)
                {
                    // The opener's card still shows the form or the "not sent for approval yet" card: now the ticket, waiting.
                    await openerCards.ShowTicketAsync(record.OpenerServiceUrl, record.OpenerConversationId, record.OpenerActivityId, ticket,
                        record.OpenerUserId, BotCulture.FromLocale(record.Locale), cancellationToken).ConfigureAwait(false);
                    Log.UnfinishedApprovalFinished(logger, ticketId, "approval requested and delivered");
                }

                break;
            }

            default:
                await unfinished.ClearStaleAsync(Kind, ticketId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                break;
        }
    }
}
