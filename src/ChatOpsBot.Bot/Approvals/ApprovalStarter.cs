using System.Globalization;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Notifications;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.People;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// After a ticket is created: when the opener asked for it or a rule says so, moves it to waiting_for_approval
/// (one stimulus, ev_wait_for_approval, with approver_id) and sends the approval card to each approver and to the channel.
/// </summary>
public sealed class ApprovalStarter(
    ITicketDesk desk,
    DeskDirectory directory,
    ApprovalStore store,
    ConversationReferenceStore references,
    ApprovalMessenger messenger,
    IOptions<ApprovalsOptions> options,
    IOptions<RolesOptions> roles,
    TimeProvider time,
    ILogger<ApprovalStarter> logger)
{
    public async Task<Ticket> StartIfNeededAsync(TurnContext turn, Ticket ticket, TicketDraftState draft, BotUser opener, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(opener);
        if (ticket.Status != TicketStatus.New)
        {
            return ticket;
        }

        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var brique = DeskDirectory.BriqueOf(catalog, ticket.ServiceId);
        if (!draft.NeedsApproval && !options.Value.AppliesTo(brique, ticket.ServiceName))
        {
            return ticket;
        }

        try
        {
            var approvers = await ApproversOfAsync(ticket.OrgId, cancellationToken).ConfigureAwait(false);
            var waiting = await desk.RequestApprovalAsync(TicketKey.FromId(ticket.Id), approvers.Count > 0 ? approvers[0].Id : null, opener.Actor, cancellationToken)
                .ConfigureAwait(false);
            Log.ApprovalRequested(logger, ticket.Id, approvers.Count);
            var record = new ApprovalRecord
            {
                TicketId = ticket.Id,
                RequestedAt = time.GetUtcNow(),
                RequestedBy = opener.Person.FullName,
                Approvers = [.. approvers.Select(a => new ApproverRef { PersonId = a.Id, Name = a.FullName })],
                OpenerConversationId = draft.ConversationId,
                OpenerServiceUrl = draft.ServiceUrl,
                Locale = draft.Locale,
            };
            await DeliverAsync(waiting, record, brique, culture, cancellationToken).ConfigureAwait(false);
            return waiting;
        }
        catch (Exception ex) when (DeskFailures.IsUnavailable(ex, cancellationToken))
        {
            Log.DeskUnavailable(logger, "approval request", ex);
            return ticket;
        }
    }

    /// <summary>The configured approvers (Roles:ApproverEmails) of the ticket's school: iTop only accepts an approver of its organisation.</summary>
    public async Task<IReadOnlyList<Person>> ApproversOfAsync(int orgId, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        foreach (var email in roles.Value.ApproverEmails)
        {
            if (await desk.FindPersonByEmailAsync(email, cancellationToken).ConfigureAwait(false) is { } person && person.OrgId == orgId
                && people.All(p => p.Id != person.Id))
            {
                people.Add(person);
            }
        }

        return people;
    }

    /// <summary>Posts the approver card in each approver's personal chat and the observer card in the channel, then stores the round.</summary>
    public async Task<ApprovalRecord> DeliverAsync(Ticket ticket, ApprovalRecord record, string? brique, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(record);
        var delivered = new List<ApproverRef>();
        var known = new List<ApproverRef>();
        foreach (var approver in record.Approvers)
        {
            var reference = await references.GetPersonalByPersonIdAsync(approver.PersonId, cancellationToken).ConfigureAwait(false);
            known.Add(reference is null ? approver : approver with { TeamsUserId = reference.UserId, ServiceUrl = reference.ServiceUrl });
        }

        record = record with { Approvers = known };
        foreach (var approver in known)
        {
            var reference = await references.GetPersonalByPersonIdAsync(approver.PersonId, cancellationToken).ConfigureAwait(false);
            if (reference is null)
            {
                Log.ApproverUnreachable(logger, ticket.Id, approver.PersonId);
                delivered.Add(approver);
                continue;
            }

            try
            {
                var card = ApprovalCards.Build(ticket, record, brique, approver: true, culture);
                var (conversationId, activityId) = await messenger.SendToPersonAsync(reference, card, cancellationToken).ConfigureAwait(false);
                delivered.Add(approver with { ConversationId = conversationId, ActivityId = activityId });
            }
            catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
            {
                Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
                delivered.Add(approver);
            }
        }

        record = record with { Approvers = delivered };
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.ChannelConversationId) && !string.IsNullOrWhiteSpace(o.ChannelServiceUrl))
        {
            try
            {
                var card = ApprovalCards.Build(ticket, record, brique, approver: false, culture);
                var id = await messenger.SendAsync(o.ChannelServiceUrl, o.ChannelConversationId, ApprovalMessenger.Message(card, o.ChannelConversationId, null), cancellationToken)
                    .ConfigureAwait(false);
                record = record with { ChannelActivityId = id };
            }
            catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
            {
                Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
            }
        }

        await store.PutAsync(record, null, cancellationToken).ConfigureAwait(false);
        return record;
    }
}
