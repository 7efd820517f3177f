using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Subscriptions;
using Microsoft.Extensions.Options;

namespace ChatOpsBot.Notifications;

/// <summary>
/// Turns events into outbox items. Channels: those subscribed to the ticket's brique, to its team or to a team serving
/// its brique (every event), to the requesting school (resolution), and every channel where the ticket already has a
/// thread. Personal: the agent and the opener (<see cref="PersonalNotices"/>), unless they muted that kind, in their
/// personal chat (opened through a team of the bot if they never wrote to it, see <see cref="PersonalChatFinder"/>).
/// </summary>
public sealed class NotificationRouter(
    SubscriptionStore subscriptions,
    TicketThreadStore threads,
    PersonalChatFinder chats,
    PersonalNotices personal,
    NoticePreferenceStore preferences,
    DeskDirectory directory,
    Outbox outbox,
    IOptions<RolesOptions> roles)
{
    /// <summary>Queues the notifications of <paramref name="events"/>; returns how many were new.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var queued = 0;
        foreach (var e in events)
        {
            var ticket = e.Ticket;
            var channels = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var thread in await threads.ListByTicketAsync(ticket.Id, cancellationToken).ConfigureAwait(false))
            {
                channels.Add(thread.ConversationId);
            }

            foreach (var (kind, id) in await FollowedTargetsAsync(e, cancellationToken).ConfigureAwait(false))
            {
                foreach (var s in await subscriptions.ListByTargetAsync(kind, id, cancellationToken).ConfigureAwait(false))
                {
                    channels.Add(s.ConversationId);
                }
            }

            foreach (var conversationId in channels)
            {
                queued += await EnqueueOneAsync(e, conversationId, OutboxItem.ChannelTarget, cancellationToken).ConfigureAwait(false);
            }

            foreach (var notice in await personal.ForAsync(e, cancellationToken).ConfigureAwait(false))
            {
                if (!await preferences.IsMutedAsync(notice.PersonId, notice.Kind, cancellationToken).ConfigureAwait(false)
                    && await chats.FindAsync(notice.PersonId, cancellationToken).ConfigureAwait(false) is { } chat)
                {
                    queued += await EnqueueOneAsync(e, chat.ConversationId, OutboxItem.PersonalTarget, cancellationToken, notice.Recipient).ConfigureAwait(false);
                }
            }
        }

        return queued;
    }

    private async Task<List<(SubscriptionKind Kind, int Id)>> FollowedTargetsAsync(TicketEvent e, CancellationToken cancellationToken)
    {
        var ticket = e.Ticket;
        var targets = new List<(SubscriptionKind, int)>();
        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var brique = ticket.ServiceId is { } serviceId ? catalog.FindBriqueOf(serviceId) : null;
        if (brique is not null)
        {
            targets.Add((SubscriptionKind.Brique, brique.Id));
            if (roles.Value.BriqueTeams.TryGetValue(brique.Name, out var names))
            {
                var teams = await directory.GetTeamsAsync(cancellationToken).ConfigureAwait(false);
                targets.AddRange(teams.Where(t => names.Contains(t.Name, StringComparer.OrdinalIgnoreCase)).Select(t => (SubscriptionKind.Team, t.Id)));
            }
        }

        if (ticket.TeamId is { } teamId)
        {
            targets.Add((SubscriptionKind.Team, teamId));
        }

        if (e.Kind == TicketEventKind.Resolved)
        {
            targets.Add((SubscriptionKind.School, ticket.OrgId));
        }

        return targets.Distinct().ToList();
    }

    private async Task<int> EnqueueOneAsync(TicketEvent e, string conversationId, string target, CancellationToken cancellationToken, string? recipient = null)
    {
        var item = new OutboxItem
        {
            IdempotencyKey = e.Ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + e.ChangeId + ":" + target + ":" + conversationId,
            // The change's instant, then the event's rank in it (iTop's dates have a one-second grain: ranks never reach the next change).
            Order = (e.Ticket.LastUpdate ?? e.Ticket.StartDate ?? DateTimeOffset.MinValue).UtcTicks + e.Sequence,
            ConversationId = conversationId,
            Target = target,
            Recipient = recipient,
            TicketId = e.Ticket.Id,
            Kind = e.Kind,
            Actor = e.Actor,
            LogAuthor = e.LogEntry?.Author,
            LogText = e.LogEntry?.Message,
        };
        return await outbox.EnqueueAsync(item, cancellationToken).ConfigureAwait(false) ? 1 : 0;
    }
}
