using System.Globalization;
using ChatOpsBot.Bot.Failures;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Protocol;
using ChatOpsBot.Protocol.MessageExtensions;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rights;
using Microsoft.Extensions.Logging;

namespace ChatOpsBot.Bot.LinkUnfurling;

/// <summary>
/// <c>composeExtension/queryLink</c>: an iTop ticket URL becomes the ticket's card for a user who may see it (one iTop
/// read), and a "ticket … (restricted)" card otherwise — also when the ticket does not exist or the user is unknown, so
/// the answer tells nothing about a ticket one may not see. Every answer is <c>no-cache</c>: Teams would otherwise keep
/// the card 30 minutes, while it depends on who pastes the link and on the ticket's state in iTop.
/// </summary>
public sealed class LinkUnfurlHandler(
    UserGate gate,
    ITicketDesk desk,
    DeskDirectory directory,
    TicketResults results,
    DeskFailureReplies failures,
    ILogger<LinkUnfurlHandler> logger)
{
    public async Task<InvokeResponse> HandleAsync(TurnContext turn, Uri? url, bool anonymous, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (url is null || ItopTicketLink.Parse(url) is not { } link)
        {
            // Not a ticket page of iTop (another page of the same host): no card, the link stays a link.
            return MessageExtensionResult.Results([], LinkCache.NoCache);
        }

        if (anonymous)
        {
            return Restricted(link, culture);
        }

        var (user, _) = await gate.IdentifyAsync(turn, culture, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return Restricted(link, culture);
        }

        try
        {
            var ticket = await desk.GetTicketAsync(link.Key, cancellationToken).ConfigureAwait(false);
            var catalog = await directory.GetCatalogAsync(cancellationToken).ConfigureAwait(false);
            if (ticket is null || !TicketRights.CanView(user.Roles, user.Person.Id, ticket, DeskDirectory.BriqueOf(catalog, ticket.ServiceId)))
            {
                return Restricted(link, culture);
            }

            return MessageExtensionResult.Results([await results.TicketAsync(ticket, user, culture, cancellationToken).ConfigureAwait(false)], LinkCache.NoCache);
        }
        catch (Exception ex) when (DeskFailures.KindOf(ex, cancellationToken) is { } kind)
        {
            DeskFailures.Log(logger, "link unfurling", ex, cancellationToken);
            return MessageExtensionResult.Message(failures.Text(kind, culture), LinkCache.NoCache);
        }
    }

    private static InvokeResponse Restricted(ItopTicketLink link, CultureInfo culture) =>
        MessageExtensionResult.Results([TicketResults.Restricted(link.Label, culture)], LinkCache.NoCache);
}
