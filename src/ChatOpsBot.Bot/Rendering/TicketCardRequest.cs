using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Rendering;

/// <summary>What to render: a ticket as seen by a user (null = the neutral shared view), with an optional banner and open sub-form.</summary>
public sealed record TicketCardRequest(Ticket Ticket, BotUser? Viewer)
{
    public string? Notice { get; init; }

    public NoticeTone NoticeTone { get; init; }

    public TicketAction? OpenForm { get; init; }

    /// <summary>The buttons when no viewer gives them (a personal notice offering its reader Close and Reopen); the click checks the clicker's rights.</summary>
    public IReadOnlyList<TicketAction>? Actions { get; init; }

    /// <summary>Assign sub-form: the team picked before choosing an agent.</summary>
    public int? PickedTeamId { get; init; }

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>The viewer opened the ticket for someone of the group (C2IP): they get a school support's buttons.</summary>
    public bool ViewerOpened { get; init; }
}
