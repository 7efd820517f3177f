namespace ChatOpsBot.Cards.ViewModels;

public sealed record TicketListRow(string TicketId, string Ref, string Title, CardTicketStatus Status, string? Agent);
