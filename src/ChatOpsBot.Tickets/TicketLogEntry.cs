namespace ChatOpsBot.Tickets;

/// <summary>
/// One case-log entry. <paramref name="Text"/> is iTop's plain-text rendering (the stored HTML stays in the iTop adapter).
/// Entries written from Teams are stored under the bot's technical iTop account and start with the real actor
/// ("Hamid Le Fleurier via Teams"): <paramref name="Actor"/> and <paramref name="Body"/> are that name and the rest.
/// </summary>
public sealed record TicketLogEntry(DateTimeOffset Date, string UserLogin, string Text, string? Actor = null, string? Body = null)
{
    /// <summary>Who wrote it: the real actor for an entry written from Teams, else iTop's login.</summary>
    public string Author => Actor ?? UserLogin;

    /// <summary>What was written, without the actor line of an entry written from Teams.</summary>
    public string Message => Body ?? Text;
}
