using ChatOpsBot.Bot.Approvals;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Recovery;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Dialogs;

/// <summary>
/// In the background, a creation whose instance died mid-way: iTop is asked whether the ticket exists (by the draft id it
/// carries). If it does, the draft says so, the approval request is made if needed, and the form becomes the ticket's card;
/// if not, the form becomes the draft's Retry card. Either way without a click and without a second ticket.
/// </summary>
public sealed class DraftFinisher(
    DraftStore drafts,
    UnfinishedWork unfinished,
    WorkOwnership ownership,
    TicketCreator creator,
    OpenerCards openerCards,
    DeskFailureReplies failures,
    ILogger<DraftFinisher> logger) : IWorkFinisher
{
    public string Kind => UnfinishedWork.Drafts;

    public async Task FinishAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await drafts.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored?.Draft.Status != DraftStatus.Submitting)
        {
            await unfinished.ClearStaleAsync(Kind, id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await ownership.IsFreeAsync(stored.Draft.Work, dueOnly: true, cancellationToken).ConfigureAwait(false)
            || await drafts.ReplaceAsync(stored.Draft with { Work = ownership.Take(stored.Draft.Work) }, stored.ETag, cancellationToken).ConfigureAwait(false) is not { } claim)
        {
            return;
        }

        var draft = claim.Draft;
        var culture = BotCulture.FromLocale(draft.Locale);
        Tickets.Ticket? found;
        try
        {
            found = await creator.FindEarlierAttemptAsync(draft.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, "unfinished creation " + id, ex, cancellationToken);
            await drafts.ReplaceAsync(draft with { Work = ownership.Release(draft.Work!, kind) }, claim.ETag, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        if (found is null)
        {
            var failed = await creator.LetGoAsync(claim, DraftStatus.Failed).ConfigureAwait(false);
            Log.UnfinishedWorkFinished(logger, Kind, id, "no ticket in iTop: the form offers Retry");
            await openerCards.ShowAsync(draft.ServiceUrl, draft.ConversationId, draft.FormActivityId, TicketCreator.RetryCard(failed, failures, culture), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var (ticket, approval) = await creator.RecordCreatedAsync(claim, found, background: true, cancellationToken).ConfigureAwait(false);
        Log.UnfinishedWorkFinished(logger, Kind, id, "ticket found in iTop: the form shows it");
        if (approval is { IsDone: false })
        {
            await openerCards.ShowAsync(draft.ServiceUrl, draft.ConversationId, draft.FormActivityId, ApprovalStanding.Card(ticket.Ref, ticket.Title, draft.Id, approval, failures, culture), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        await openerCards.ShowTicketAsync(draft.ServiceUrl, draft.ConversationId, draft.FormActivityId, ticket, draft.TeamsUserId, culture, cancellationToken).ConfigureAwait(false);
    }
}
