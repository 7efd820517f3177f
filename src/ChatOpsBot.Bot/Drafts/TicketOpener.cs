namespace ChatOpsBot.Bot.Drafts;

/// <summary>The person who opened a ticket from Teams (the school support, or the C2IP / desk person opening it for someone).</summary>
public sealed record TicketOpener(int TicketId, int PersonId, string Name);
