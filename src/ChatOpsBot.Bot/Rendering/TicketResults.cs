using System.Globalization;
using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Protocol.MessageExtensions;
using ChatOpsBot.Protocol.Schema;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>
/// A ticket as a message extension result (search or unfurled link): a text preview for the list, and the card the
/// user inserts. The inserted card is the neutral view whose <c>refresh.userIds</c> holds the user: their client fetches
/// their own view (with their buttons), and anyone else in the conversation gets theirs from Refresh — nobody's buttons
/// show to another.
/// </summary>
public sealed class TicketResults(TicketCardFactory cards)
{
    private const int PreviewTitleLength = 120;

    public async Task<MessageExtensionResult.Item> TicketAsync(Ticket ticket, BotUser user, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        var card = await cards.BuildAsync(new TicketCardRequest(ticket, null) { RefreshUserIds = [user.TeamsUserId] }, culture, cancellationToken).ConfigureAwait(false);
        var status = CardText.Get("Status_" + CardStatus.Of(ticket.Status), culture);
        var requester = string.IsNullOrWhiteSpace(ticket.CallerName) ? "—" : ticket.CallerName;
        var service = string.IsNullOrWhiteSpace(ticket.ServiceName) ? "—" : ticket.ServiceName;
        var preview = new ThumbnailPreview(
            ticket.Ref + " · " + CardFormat.Truncate(ticket.Title, PreviewTitleLength),
            status + " · " + ticket.OrgName,
            BotText.Format("Search_Preview_Text", culture, requester, service));
        return new MessageExtensionResult.Item(Attachment.AdaptiveCardContentType, CardMessage.ToElement(card), preview);
    }

    /// <summary>What a link to a ticket the user may not see (or that does not exist) unfurls to: its label only.</summary>
    public static MessageExtensionResult.Item Restricted(string label, CultureInfo culture)
    {
        var title = BotText.Format("Unfurl_Restricted_Title", culture, label);
        var card = NoticeCard.Build(new NoticeCardModel(BotText.Get("Unfurl_Restricted_Text", culture)) { Title = title }, culture);
        return new MessageExtensionResult.Item(Attachment.AdaptiveCardContentType, CardMessage.ToElement(card), new ThumbnailPreview(title));
    }
}
