using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Recovery;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Protocol.Proactive;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Failures;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// An approver's decision, iTop first: the click is kept as an intent on the round (claimed by compare-and-swap, so two
/// approvers make one decision), the stimulus is applied, and only then does the round say "approved" or "rejected". A
/// crash in between leaves the intent, which <see cref="FinishAsync"/> completes from what iTop holds.
/// </summary>
public sealed class ApprovalDecisions(
    ITicketDesk desk,
    Identity.DeskDirectory directory,
    ApprovalStore store,
    UnfinishedWork unfinished,
    WorkOwnership ownership,
    ApprovalBroadcaster broadcaster,
    IProactiveMessages proactive,
    ILogger<ApprovalDecisions> logger)
{
    /// <summary>Claims an idle round for the click's intent, held by this instance; null when something else came first.</summary>
    public async Task<StoredApproval?> ClaimAsync(StoredApproval read, ApprovalIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await unfinished.MarkAsync(UnfinishedWork.Approvals, Id(read.Record.TicketId), cancellationToken).ConfigureAwait(false);
        return await store.ClaimAsync(read, r => r with { Intent = intent, Work = ownership.Take() }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>iTop refused or failed: the intent is dropped, the round is as it was and the approver may click again.</summary>
    public async Task GiveBackAsync(int ticketId, ApprovalIntent intent)
    {
        await store.UpdateAsync(ticketId, r => r.Intent == intent ? r with { Intent = null, Work = null } : null, CancellationToken.None).ConfigureAwait(false);
        await unfinished.ClearAsync(UnfinishedWork.Approvals, Id(ticketId), CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Once iTop holds an intent's result: the round says it (for a hand-over, <paramref name="settle"/> says how).</summary>
    public async Task<ApprovalRecord?> SettleAsync(int ticketId, ApprovalIntent intent, Func<ApprovalRecord, ApprovalRecord> settle)
    {
        ArgumentNullException.ThrowIfNull(settle);
        var settled = await store.UpdateAsync(ticketId, r => r.Intent == intent ? settle(r with { Intent = null, Work = null }) : null, CancellationToken.None)
            .ConfigureAwait(false);
        await unfinished.ClearAsync(UnfinishedWork.Approvals, Id(ticketId), CancellationToken.None).ConfigureAwait(false);
        return settled?.Record;
    }

    /// <summary>The decision's single stimulus, carrying the public-log entry that names the approver (and the comment).</summary>
    public async Task<Ticket> WriteAsync(int ticketId, ApprovalIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var key = TicketKey.FromId(ticketId);
        var actor = new Actor(intent.ById, intent.By);
        return intent.Kind == ApprovalIntentKind.Reject
            ? await desk.RejectAsync(key, LogText(intent), actor, cancellationToken).ConfigureAwait(false)
            : await desk.ApproveAsync(key, LogText(intent), actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The public-log entry of a decision, naming the approver (French: the group's iTop language).</summary>
    public static string LogText(ApprovalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Kind == ApprovalIntentKind.Reject)
        {
            return BotText.Format("Approval_LogRejected", BotCulture.French, intent.By, intent.Comment);
        }

        return intent.Comment is null
            ? BotText.Format("Approval_LogApproved", BotCulture.French, intent.By)
            : BotText.Format("Approval_LogApprovedWithComment", BotCulture.French, intent.By, intent.Comment);
    }

    /// <summary>The round says the decision iTop now holds.</summary>
    public async Task<ApprovalRecord?> RecordAsync(int ticketId, ApprovalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var decided = await SettleAsync(ticketId, intent, r => r with
        {
            Decision = intent.Kind == ApprovalIntentKind.Approve ? ApprovalDecision.Approved : ApprovalDecision.Rejected,
            DecidedBy = intent.By,
            DecidedById = intent.ById,
            DecidedAt = intent.At,
            Comment = intent.Comment,
        }).ConfigureAwait(false);
        Log.ApprovalDecided(logger, ticketId, intent.Kind == ApprovalIntentKind.Approve ? "approved" : "rejected", intent.ById);
        return decided;
    }

    /// <summary>
    /// Completes a decision left half done (its instance died, or its click never got an answer): applied in iTop if iTop still
    /// waits for approval, recorded if iTop already took it, dropped if the ticket moved on otherwise. iTop unreachable or
    /// refusing the bot's account: the intent is kept and tried again later.
    /// </summary>
    public async Task FinishAsync(StoredApproval stored, bool background, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Record.Intent is not { } intent || await TakeOverAsync(stored, background, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            return;
        }

        var ticketId = claimed.Record.TicketId;
        Ticket? ticket;
        try
        {
            ticket = await desk.GetTicketAsync(TicketKey.FromId(ticketId), cancellationToken).ConfigureAwait(false);
            var expected = intent.Kind == ApprovalIntentKind.Approve ? TicketStatus.Approved : TicketStatus.Rejected;
            if (ticket?.Status == TicketStatus.WaitingForApproval)
            {
                ticket = await WriteAsync(ticketId, intent, cancellationToken).ConfigureAwait(false);
            }
            else if (ticket?.Status != expected)
            {
                Log.UnfinishedApprovalFinished(logger, ticketId, "the ticket left the approval otherwise: decision dropped");
                await GiveBackAsync(ticketId, intent).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            await LetGoAsync(ticketId, intent, kind, ex, cancellationToken).ConfigureAwait(false);
            return;
        }

        var decided = await RecordAsync(ticketId, intent).ConfigureAwait(false);
        Log.UnfinishedApprovalFinished(logger, ticketId, "decision taken to iTop and recorded");
        if (decided is not null)
        {
            var brique = Identity.DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), ticket.ServiceId);
            await SpreadAsync(ticket, decided, brique, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The round claimed for this instance when nobody alive holds its intent (and, in the background, its retry is due).</summary>
    public async Task<StoredApproval?> TakeOverAsync(StoredApproval stored, bool background, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return await ownership.IsFreeAsync(stored.Record.Work, background, cancellationToken).ConfigureAwait(false)
            ? await store.PutAsync(stored.Record with { Work = ownership.Take(stored.Record.Work) }, stored.ETag, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// A store failure while finishing an intent in the background: iTop refusing the request itself (or not finding what it names) drops the intent; iTop
    /// down or refusing the bot's account keeps it for a later retry.
    /// </summary>
    public async Task LetGoAsync(int ticketId, ApprovalIntent intent, DeskFailureKind kind, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        DeskFailures.Log(logger, "unfinished approval " + Id(ticketId), exception, cancellationToken);
        if (kind is DeskFailureKind.Refused or DeskFailureKind.NotFound)
        {
            await GiveBackAsync(ticketId, intent).ConfigureAwait(false);
            return;
        }

        await store.UpdateAsync(ticketId, r => r.Intent == intent && ownership.IsMine(r.Work) ? r with { Work = ownership.Release(r.Work!, kind) } : null, CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>The other approvers' cards and the channel's show the decision; the opener is told where the ticket was opened. All at once.</summary>
    public Task SpreadAsync(Ticket ticket, ApprovalRecord record, string? brique, CancellationToken cancellationToken) =>
        Task.WhenAll(broadcaster.UpdateCardsAsync(ticket, record, brique, cancellationToken), TellOpenerAsync(ticket, record, cancellationToken));

    private async Task TellOpenerAsync(Ticket ticket, ApprovalRecord record, CancellationToken cancellationToken)
    {
        if (record.OpenerConversationId is not { } conversationId || record.OpenerServiceUrl is not { } serviceUrl)
        {
            return;
        }

        try
        {
            var key = record.Decision == ApprovalDecision.Approved ? "Approval_OpenerApproved" : "Approval_OpenerRejected";
            var text = MarkdownText.Format(key, BotCulture.FromLocale(record.Locale), ticket.Ref, record.DecidedBy, record.Comment ?? "—");
            // Once per round and decision, whoever finishes it (the click, or the background after a crash).
            var once = string.Create(CultureInfo.InvariantCulture, $"approval-opener:{ticket.Id}:{record.RequestedAt.UtcTicks}:{record.Decision}");
            await proactive.SendAsync(ProactiveMessage.OfText(once, ConversationReference.To(serviceUrl, conversationId), text, ticket.Id), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
        }
    }

    private static string Id(int ticketId) => ticketId.ToString(CultureInfo.InvariantCulture);
}
