namespace ChatOpsBot.Cards.ViewModels;

/// <summary>The confirmation shown before creating a draft that looks like open tickets.</summary>
public sealed record DuplicateHintModel(string DraftId, IReadOnlyList<TicketListRow> Tickets);
