using ChatOpsBot.Tickets.Lifecycle;

namespace ChatOpsBot.Bot.Actions;

/// <summary>What a card's inputs make on the ticket as read: the one write to send, or the input errors by input id.</summary>
public sealed record PlannedWrite(TicketWrite? Write, IReadOnlyDictionary<string, string> Errors)
{
    public static PlannedWrite Of(TicketWrite write) => new(write, new Dictionary<string, string>());

    public static PlannedWrite Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);
}
