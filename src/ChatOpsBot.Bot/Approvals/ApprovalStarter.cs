using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Recovery;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Sends a ticket for approval: one stimulus (ev_wait_for_approval with approver_id), then the approval card to each approver
/// and to the channel. The round is written first as an intent (<see cref="ApprovalPhase.Requesting"/>, claimed by this
/// instance), and each step is recorded once iTop (or Teams) did it, so that whatever stops it (iTop refusing, a crash) the
/// request is finished later (<see cref="ContinueAsync"/>, by a click or in the background) and never made twice.
/// </summary>
public sealed class ApprovalStarter(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStore store,
    UnfinishedWork unfinished,
    WorkOwnership ownership,
    PersonalChatFinder chats,
    IProactiveMessages proactive,
    ApproverPolicy policy,
    IOptions<ApprovalsOptions> options,
    ILogger<ApprovalStarter> logger)
{
    /// <summary>A new ticket needs approval when the opener asked for it or its brique or service is listed.</summary>
    public bool IsRequired(bool asked, string? brique, string? service) => asked || options.Value.AppliesTo(brique, service);

    /// <summary>
    /// Writes the round as an intent claimed by the caller, before anything is asked of iTop. <paramref name="keepExisting"/>:
    /// a round already begun (before a crash) is kept as it stands instead of replaced.
    /// </summary>
    /// <returns>True when the caller holds the round (pass it to <see cref="ContinueAsync"/>); false when an earlier one was kept.</returns>
    public async Task<bool> BeginAsync(ApprovalRecord round, bool keepExisting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await unfinished.MarkAsync(UnfinishedWork.Approvals, Id(round.TicketId), cancellationToken).ConfigureAwait(false);
        var intent = round with { Phase = ApprovalPhase.Requesting, Approvers = [], Work = ownership.Take() };
        return keepExisting
            ? await store.CreateAsync(intent, cancellationToken).ConfigureAwait(false) is not null
            : await store.PutAsync(intent, null, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Carries the request on from where the round stands, unless someone else (another instance, or another turn or the
    /// background of this one) is doing it: the stimulus unless iTop already waits for approval, then the cards not posted yet.
    /// A store failure releases the round for a later retry.
    /// </summary>
    /// <param name="background">The background waits for the round's retry time; a click does not.</param>
    /// <param name="held">The caller holds the round already (it just began it): no claim to take.</param>
    public async Task<ApprovalProgress> ContinueAsync(int ticketId, bool background, CancellationToken cancellationToken, bool held = false)
    {
        var stored = await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Record.Phase == ApprovalPhase.Open)
        {
            return new ApprovalProgress(stored?.Record, null);
        }

        if (!held)
        {
            stored = await ownership.IsFreeAsync(stored.Record.Work, background, cancellationToken).ConfigureAwait(false)
                ? await store.PutAsync(stored.Record with { Work = ownership.Take(stored.Record.Work) }, stored.ETag, cancellationToken).ConfigureAwait(false)
                : null;
            if (stored is null)
            {
                return new ApprovalProgress((await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false))?.Record, null, Busy: true);
            }
        }

        try
        {
            return await StepAsync(stored, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, "approval request", ex, cancellationToken);
            var released = await store.UpdateAsync(ticketId, r => ownership.IsMine(r.Work) ? r with { Work = ownership.Release(r.Work!, kind) } : null, CancellationToken.None)
                .ConfigureAwait(false);
            return new ApprovalProgress(released?.Record ?? stored.Record, null, kind);
        }
    }

    private async Task<ApprovalProgress> StepAsync(StoredApproval stored, CancellationToken cancellationToken)
    {
        var record = stored.Record;
        var key = TicketKey.FromId(record.TicketId);
        Ticket? waiting = null;
        if (record.Phase == ApprovalPhase.Requesting)
        {
            // A school without approvers: the group desk decides through the bot, iTop's approver_id stays empty (it accepts
            // only a person of the ticket's organisation).
            var approvers = await policy.ForAsync(record.OrgId, cancellationToken).ConfigureAwait(false);
            var itopApprover = approvers.ByGroupDesk || approvers.People.Count == 0 ? (int?)null : approvers.People[0].PersonId;
            waiting = await RequestAsync(key, itopApprover, new Actor(record.RequestedById ?? 0, record.RequestedBy), cancellationToken)
                .ConfigureAwait(false);
            if (waiting is null)
            {
                // The ticket left "new" otherwise (e.g. assigned in the console) before it was sent: there is no request to make.
                await store.DeleteAsync(stored, CancellationToken.None).ConfigureAwait(false);
                await unfinished.ClearAsync(UnfinishedWork.Approvals, Id(record.TicketId), CancellationToken.None).ConfigureAwait(false);
                Log.UnfinishedApprovalFinished(logger, record.TicketId, "ticket no longer new: no approval requested");
                return new ApprovalProgress(null, null);
            }

            Log.ApprovalRequested(logger, record.TicketId, approvers.People.Count);
            record = (await store.UpdateAsync(record.TicketId, r => r.Phase == ApprovalPhase.Requesting
                ? r with { Phase = ApprovalPhase.Delivering, Approvers = [.. approvers.People], ByGroupDesk = approvers.ByGroupDesk }
                : null, CancellationToken.None).ConfigureAwait(false))?.Record ?? record;
        }

        waiting ??= await desk.GetTicketAsync(key, cancellationToken).ConfigureAwait(false);
        if (waiting is null || waiting.Status != TicketStatus.WaitingForApproval)
        {
            await unfinished.ClearAsync(UnfinishedWork.Approvals, Id(record.TicketId), CancellationToken.None).ConfigureAwait(false);
            var gone = await store.GetAsync(record.TicketId, CancellationToken.None).ConfigureAwait(false);
            if (gone is not null)
            {
                await store.DeleteAsync(gone, CancellationToken.None).ConfigureAwait(false);
            }

            return new ApprovalProgress(null, waiting);
        }

        var brique = DeskDirectory.BriqueOf(await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false), waiting.ServiceId);
        record = await DeliverAsync(waiting, record, brique, cancellationToken).ConfigureAwait(false);
        var open = await store.UpdateAsync(record.TicketId, r => r.Phase == ApprovalPhase.Delivering
            ? r with { Phase = ApprovalPhase.Open, Work = null, ChannelActivityId = r.ChannelActivityId ?? record.ChannelActivityId }
            : null, CancellationToken.None).ConfigureAwait(false);
        await unfinished.ClearAsync(UnfinishedWork.Approvals, Id(record.TicketId), CancellationToken.None).ConfigureAwait(false);
        return new ApprovalProgress(open?.Record ?? record with { Phase = ApprovalPhase.Open, Work = null }, waiting);
    }

    /// <summary>The stimulus; when the domain refuses it because the ticket is not new any more, what iTop holds (waiting: done before a crash).</summary>
    private async Task<Ticket?> RequestAsync(TicketKey key, int? approverId, Actor actor, CancellationToken cancellationToken)
    {
        try
        {
            return await desk.RequestApprovalAsync(key, approverId, actor, cancellationToken).ConfigureAwait(false);
        }
        catch (TicketRuleException)
        {
            var current = await desk.GetTicketAsync(key, cancellationToken).ConfigureAwait(false);
            return current?.Status == TicketStatus.WaitingForApproval ? current : null;
        }
    }

    /// <summary>
    /// Posts the approver card in the personal chat (opened if need be) of each approver who has none yet, and the observer card
    /// in the channel if it has none; each card's place is saved as soon as it is posted, so that a restart posts only the rest.
    /// </summary>
    private async Task<ApprovalRecord> DeliverAsync(Ticket ticket, ApprovalRecord record, string? brique, CancellationToken cancellationToken)
    {
        // The Teams ids first: every card carries all approvers in refresh.userIds. An approver who never wrote to the bot
        // is reached through a team the bot is in (PersonalChatFinder).
        var references = new Dictionary<int, LinkedReference>();
        foreach (var approver in record.Approvers.Where(a => a.ConversationId is null))
        {
            if (await chats.FindAsync(approver.PersonId, cancellationToken).ConfigureAwait(false) is { UserId: not null } reference)
            {
                references[approver.PersonId] = reference;
            }
        }

        record = record with
        {
            Approvers = [.. record.Approvers.Select(a => references.TryGetValue(a.PersonId, out var r)
                ? a with { TeamsUserId = r.UserId, ServiceUrl = r.ServiceUrl, ConversationId = r.ConversationId, Locale = r.Locale }
                : a)],
        };
        var delivered = new List<ApproverRef>();
        foreach (var approver in record.Approvers)
        {
            if (approver.ConversationId is null)
            {
                Log.ApproverUnreachable(logger, ticket.Id, approver.PersonId);
            }

            // Where the card went is recorded by its receipt (ApprovalCardReceipt) once posted: now, or by the outbox.
            delivered.Add(approver.ActivityId is null ? await PostCardAsync(ticket, record, approver, brique, null, cancellationToken).ConfigureAwait(false) : approver);
        }

        record = record with { Approvers = delivered };
        var o = options.Value;
        if (record.ChannelActivityId is null && !string.IsNullOrWhiteSpace(o.ChannelConversationId) && !string.IsNullOrWhiteSpace(o.ChannelServiceUrl))
        {
            try
            {
                var card = CardSerializer.ToJson(ApprovalCards.Build(ticket, record, brique, approver: false, BotCulture.French));
                var id = await proactive.SendAsync(ApprovalCardReceipt.Card(CardKey(record, "channel"), o.ChannelServiceUrl, o.ChannelConversationId, card, ticket.Id, null), cancellationToken)
                    .ConfigureAwait(false);
                record = record with { ChannelActivityId = id };
            }
            catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
            {
                Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
            }
        }

        return record;
    }

    /// <summary>
    /// Posts the approver card, in the approver's language, in their personal chat (nothing when none is known), through
    /// <see cref="IProactiveMessages"/>; the approver comes back with the card's activity id when it was posted now, unless they
    /// already had a card (the one a decision updates). Queued, the card's receipt records where it went.
    /// </summary>
    /// <param name="occasion">Why a card goes to an approver who has one (a reminder): it is a new card, with its own key.</param>
    public async Task<ApproverRef> PostCardAsync(
        Ticket ticket, ApprovalRecord record, ApproverRef approver, string? brique, Func<CultureInfo, string>? notice, CancellationToken cancellationToken, string? occasion = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(approver);
        if (approver.ServiceUrl is null || approver.ConversationId is null)
        {
            return approver;
        }

        var culture = BotCulture.FromLocale(approver.Locale);
        try
        {
            var card = CardSerializer.ToJson(ApprovalCards.Build(ticket, record, brique, approver: true, culture, notice?.Invoke(culture)));
            var key = CardKey(record, approver.PersonId.ToString(CultureInfo.InvariantCulture) + (occasion is null ? "" : ":" + occasion));
            var id = await proactive.SendAsync(ApprovalCardReceipt.Card(key, approver.ServiceUrl, approver.ConversationId, card, ticket.Id, approver), cancellationToken)
                .ConfigureAwait(false);
            return approver with { ActivityId = approver.ActivityId ?? id };
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
            return approver;
        }
    }

    /// <summary>One card per round, hand-over and reader: a new round or a hand-over posts again, a retry does not.</summary>
    internal static string CardKey(ApprovalRecord record, string reader) => string.Create(
        CultureInfo.InvariantCulture, $"approval:{record.TicketId}:{record.RequestedAt.UtcTicks}:{record.HandOffs}:{reader}");

    private static string Id(int ticketId) => ticketId.ToString(CultureInfo.InvariantCulture);
}
