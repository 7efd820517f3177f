using System.Globalization;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Serialization;
using ChatOpsBot.Protocol.Connector;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>
/// Puts a card in a message the bot posted earlier, outside any turn (the background finished what a click had started):
/// the ticket's neutral card, whose refresh gives each viewer their own view, or a card saying where things stand. It goes
/// through <see cref="IProactiveMessages"/> (the outbox, in the composed bot), after anything queued before it in that chat.
/// </summary>
public sealed class OpenerCards(TicketCardFactory cards, TicketViewers viewers, IProactiveMessages proactive, ILogger<OpenerCards> logger)
{
    public async Task ShowTicketAsync(string? serviceUrl, string? conversationId, string? activityId, Ticket ticket, string? viewerId, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (serviceUrl is null || conversationId is null || activityId is null)
        {
            return;
        }

        var watchers = viewerId is null
            ? await viewers.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false)
            : await viewers.AddAsync(ticket.Id, viewerId, cancellationToken).ConfigureAwait(false);
        var card = await cards.BuildAsync(new TicketCardRequest(ticket, null) { RefreshUserIds = watchers }, culture, cancellationToken).ConfigureAwait(false);
        await ShowAsync(serviceUrl, conversationId, activityId, card, cancellationToken).ConfigureAwait(false);
    }

    public async Task ShowAsync(string? serviceUrl, string? conversationId, string? activityId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (serviceUrl is null || conversationId is null || activityId is null)
        {
            return;
        }

        try
        {
            // Each replacement is new: the same card may rightly come back after the click showed another.
            await proactive.SendAsync(new ProactiveMessage
            {
                Key = "opener-card:" + conversationId + ":" + activityId + ":" + Guid.NewGuid().ToString("N"),
                ServiceUrl = serviceUrl,
                ConversationId = conversationId,
                Card = CardSerializer.ToJson(card),
                Replaces = true,
                ActivityId = activityId,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
        {
            Log.CardUpdateFailed(logger, ex);
        }
    }
}
