using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Model;

/// <summary>
/// The data every action carries back. Nothing in it is trusted: the handler re-reads the ticket and
/// re-checks the actor's rights; the stamp only lets it notice that the card was out of date.
/// </summary>
public sealed record CardActionData
{
    /// <summary><see cref="Scope"/> of the actions of an approval card.</summary>
    public const string ApprovalScope = "approval";

    /// <summary><see cref="Scope"/> of the ticket list: tickets I requested or hold.</summary>
    public const string MineScope = "mine";

    /// <summary><see cref="Scope"/> of the ticket list: my teams' queue.</summary>
    public const string TeamScope = "team";

    public CardActionData(string verb) => Verb = verb;

    public string Verb { get; init; }

    public string? TicketId { get; init; }

    /// <summary>The ticket's version (its last-update stamp) when the card was rendered.</summary>
    public string? Stamp { get; init; }

    /// <summary>The stored draft (new-ticket form, retry after a failed creation).</summary>
    public string? DraftId { get; init; }

    /// <summary>Which card or list the action comes from (<see cref="ApprovalScope"/>, <see cref="MineScope"/>, <see cref="TeamScope"/>); null for ticket cards and forms.</summary>
    public string? Scope { get; init; }

    /// <summary>Ticket list: the requested page (1-based).</summary>
    public int? Page { get; init; }

    public static string ListScope(TicketListScope scope) => scope == TicketListScope.Team ? TeamScope : MineScope;
}
