using System.Globalization;
using ChatOpsBot.Bot.Drafts;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rights;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.Viewing;

/// <summary>Shows a ticket's card to a user who may see it: their own view, plus the neutral view for the shared message.</summary>
public sealed class TicketPresenter(
    ITicketDesk desk,
    DeskDirectory directory,
    TicketCardFactory cards,
    TicketViewers viewers,
    TicketOpenerStore openers,
    TypingIndicator typing,
    ILogger<TicketPresenter> logger)
{
    public async Task<CardActionResult> ShowAsync(TurnContext turn, TicketKey key, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (ticket, failure) = await TicketReads.ReadAsync(ct => typing.WhileAsync(turn, c => desk.GetTicketAsync(key, c), ct),
            key.ToString(), "ticket read", logger, culture, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return failure!;
        }

        var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var opened = await openers.FollowsAsync(ticket.Id, user.Roles, user.Person.Id, cancellationToken).ConfigureAwait(false);
        if (!TicketRights.CanView(user.Roles, user.Person.Id, ticket, DeskDirectory.BriqueOf(catalog, ticket.ServiceId), opened))
        {
            return CardActionResult.Text(BotText.Get("Error_TicketNotVisible", culture));
        }

        return await CardsAsync(ticket, user, culture, cancellationToken, opened).ConfigureAwait(false);
    }

    /// <param name="opened">Whether the user opened the ticket for someone of the group, when the caller knows it already.</param>
    public async Task<CardActionResult> CardsAsync(Ticket ticket, BotUser user, CultureInfo culture, CancellationToken cancellationToken, bool? opened = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        var watchers = await viewers.AddAsync(ticket.Id, user.TeamsUserId, cancellationToken).ConfigureAwait(false);
        opened ??= await openers.FollowsAsync(ticket.Id, user.Roles, user.Person.Id, cancellationToken).ConfigureAwait(false);
        var mine = await cards.BuildAsync(new TicketCardRequest(ticket, user) { RefreshUserIds = watchers, ViewerOpened = opened.Value }, culture, cancellationToken)
            .ConfigureAwait(false);
        var shared = await cards.BuildAsync(new TicketCardRequest(ticket, null) { RefreshUserIds = watchers }, culture, cancellationToken).ConfigureAwait(false);
        return CardActionResult.Show(mine) with { SharedCard = shared };
    }
}
