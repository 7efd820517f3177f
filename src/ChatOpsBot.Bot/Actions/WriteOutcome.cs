using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Actions;

/// <summary>The result of applying a ticket action: the ticket iTop returned, or the input errors by input id.</summary>
public sealed record WriteOutcome(Ticket? Ticket, IReadOnlyDictionary<string, string> Errors)
{
    public static WriteOutcome Done(Ticket ticket) => new(ticket, new Dictionary<string, string>());

    public static WriteOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);
}
