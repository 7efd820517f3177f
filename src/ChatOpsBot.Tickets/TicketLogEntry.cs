namespace ChatOpsBot.Tickets;

/// <summary>One case-log entry. <paramref name="Text"/> is iTop's plain-text rendering, <paramref name="Html"/> the stored HTML.</summary>
public sealed record TicketLogEntry(DateTimeOffset Date, string UserLogin, string Text, string Html);
