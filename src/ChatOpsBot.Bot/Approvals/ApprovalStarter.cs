using System.Globalization;
using ChatOpsBot.Bot.Conversation;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
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
    PersonalChatFinder chats,
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
            return await RequestAsync(ticket, brique, opener, new ApprovalRecord
            {
                TicketId = ticket.Id,
                RequestedAt = time.GetUtcNow(),
                RequestedBy = opener.Person.FullName,
                OpenerConversationId = draft.ConversationId,
                OpenerServiceUrl = draft.ServiceUrl,
                Locale = draft.Locale,
            }, culture, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The ticket exists whatever happens here; the group desk can still send it for approval from its card.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            if (DeskFailures.IsUnavailable(ex, cancellationToken))
            {
                Log.DeskUnavailable(logger, "approval request", ex);
            }
            else
            {
                Log.DeskFailed(logger, "approval request", ex);
            }

            return ticket;
        }
    }

    /// <summary>One stimulus (ev_wait_for_approval with the school's first approver), then the cards; <paramref name="round"/> says who asked and where to answer.</summary>
    public async Task<Ticket> RequestAsync(Ticket ticket, string? brique, BotUser actor, ApprovalRecord round, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(round);
        var approvers = await ApproversOfAsync(ticket.OrgId, cancellationToken).ConfigureAwait(false);
        var waiting = await desk.RequestApprovalAsync(TicketKey.FromId(ticket.Id), approvers.Count > 0 ? approvers[0].Id : null, actor.Actor, cancellationToken)
            .ConfigureAwait(false);
        Log.ApprovalRequested(logger, ticket.Id, approvers.Count);
        var record = round with { Approvers = [.. approvers.Select(a => new ApproverRef { PersonId = a.Id, Name = a.FullName })] };
        await DeliverAsync(waiting, record, brique, culture, cancellationToken).ConfigureAwait(false);
        return waiting;
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

    /// <summary>Posts the approver card in each approver's personal chat (opened if need be) and the observer card in the channel, then stores the round.</summary>
    public async Task<ApprovalRecord> DeliverAsync(Ticket ticket, ApprovalRecord record, string? brique, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(record);
        // The Teams ids first: every card carries all approvers in refresh.userIds. An approver who never wrote to the bot
        // is reached through a team the bot is in (PersonalChatFinder).
        var references = new Dictionary<int, ConversationReference>();
        foreach (var approver in record.Approvers)
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

            delivered.Add(await PostCardAsync(ticket, record, approver, brique, null, cancellationToken).ConfigureAwait(false));
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

    /// <summary>
    /// Posts the approver card, in the approver's language, in their personal chat (nothing when none is known); the
    /// approver comes back with the card's activity id, unless they already had a card (the one a decision updates).
    /// </summary>
    public async Task<ApproverRef> PostCardAsync(Ticket ticket, ApprovalRecord record, ApproverRef approver, string? brique, Func<CultureInfo, string>? notice, CancellationToken cancellationToken)
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
            var card = ApprovalCards.Build(ticket, record, brique, approver: true, culture, notice?.Invoke(culture));
            var id = await messenger.SendAsync(approver.ServiceUrl, approver.ConversationId, ApprovalMessenger.Message(card, approver.ConversationId, null), cancellationToken)
                .ConfigureAwait(false);
            return approver with { ActivityId = approver.ActivityId ?? id };
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.ApprovalDeliveryFailed(logger, ticket.Id, ex);
            return approver;
        }
    }
}
