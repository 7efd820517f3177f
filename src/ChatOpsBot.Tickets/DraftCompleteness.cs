namespace ChatOpsBot.Tickets;

/// <summary>How much of a <see cref="TicketDraft"/> its check asks for.</summary>
public enum DraftCompleteness
{
    /// <summary>What iTop needs to store it (the desk's check before it creates the ticket).</summary>
    Storable,

    /// <summary>What a person opening a ticket must give: a service too, and a title iTop keeps whole.</summary>
    Complete,
}
