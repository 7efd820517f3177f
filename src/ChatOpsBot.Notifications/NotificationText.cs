using System.Globalization;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Notifications;

/// <summary>
/// The one-line text of a notification (Localization/BotStrings*.resx, keys <c>Notif_*</c>), naming the Teams person who
/// made the change, never the bot's iTop account. It is markdown read by other people: every value in it (title, comment,
/// pending reason, names) goes through <see cref="MarkdownText"/>.
/// </summary>
public static class NotificationText
{
    public static string Render(OutboxItem item, Ticket ticket, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(ticket);
        var agent = string.IsNullOrEmpty(ticket.AgentName) ? "—" : ticket.AgentName;
        if (item.Target == OutboxItem.PersonalTarget && item.Recipient == OutboxItem.OpenerRecipient)
        {
            return WithActor(item, ToOpener(item, ticket, agent, culture), culture);
        }

        if (item.Target == OutboxItem.PersonalTarget && item.Kind is TicketEventKind.Assigned or TicketEventKind.Reassigned)
        {
            return MarkdownText.Format("Notif_AssignedToYou", culture, ticket.Ref, ticket.Title);
        }

        if (item.Target == OutboxItem.PersonalTarget && item.Kind == TicketEventKind.Reopened)
        {
            return MarkdownText.Format("Notif_ReopenedToYou", culture, ticket.Ref, ticket.Title, item.LogText ?? "—");
        }

        var text = item.Kind switch
        {
            TicketEventKind.Created => MarkdownText.Format("Notif_Created", culture, ticket.Ref, ticket.Title, ticket.OrgName),
            TicketEventKind.Assigned => MarkdownText.Format("Notif_Assigned", culture, ticket.Ref, agent, ticket.TeamName),
            TicketEventKind.Reassigned => MarkdownText.Format("Notif_Reassigned", culture, ticket.Ref, agent),
            TicketEventKind.Pending => MarkdownText.Format("Notif_Pending", culture, ticket.Ref, ticket.PendingReason),
            TicketEventKind.PublicLogEntry => MarkdownText.Format("Notif_PublicLog", culture, ticket.Ref, item.LogAuthor, item.LogText),
            _ => MarkdownText.Format("Notif_" + item.Kind, culture, ticket.Ref),
        };

        // A comment already names its author; any other change made from Teams names the person who made it.
        return item.Kind == TicketEventKind.PublicLogEntry ? text : WithActor(item, text, culture);
    }

    /// <summary>
    /// The banner of the resolved notice, on top of the ticket's card: the card shows the solution under its heading, so the
    /// banner does not repeat it; it says who resolved it and asks to close or reopen.
    /// </summary>
    public static string ResolvedBanner(OutboxItem item, Ticket ticket, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(ticket);
        return WithActor(item, MarkdownText.Format("Notif_YourResolvedOnCard", culture, ticket.Ref, ticket.Title), culture)
            + "\n\n" + BotText.Get("Notif_YourResolvedAsk", culture);
    }

    /// <summary>What the opener of the ticket reads: their ticket's new state, with the question asked or the solution given.</summary>
    private static string ToOpener(OutboxItem item, Ticket ticket, string agent, CultureInfo culture) => item.Kind switch
    {
        TicketEventKind.Assigned or TicketEventKind.Reassigned => MarkdownText.Format("Notif_YourAssigned", culture, ticket.Ref, ticket.Title, agent, ticket.TeamName),
        TicketEventKind.Pending => MarkdownText.Format("Notif_YourPending", culture, ticket.Ref, ticket.Title, OrDash(ticket.PendingReason)),
        TicketEventKind.Resolved => MarkdownText.Format("Notif_YourResolved", culture, ticket.Ref, ticket.Title, OrDash(ticket.Solution)),
        TicketEventKind.Reopened => MarkdownText.Format("Notif_YourReopened", culture, ticket.Ref, ticket.Title, item.LogText ?? "—"),
        _ => MarkdownText.Format("Notif_YourClosed", culture, ticket.Ref, ticket.Title),
    };

    private static string WithActor(OutboxItem item, string text, CultureInfo culture) =>
        item.Actor is { Length: > 0 } actor ? text + MarkdownText.Format("Notif_By", culture, actor) : text;

    private static string OrDash(string value) => string.IsNullOrWhiteSpace(value) ? "—" : value;
}
