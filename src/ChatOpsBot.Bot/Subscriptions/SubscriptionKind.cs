namespace ChatOpsBot.Bot.Subscriptions;

/// <summary>What a channel follows.</summary>
public enum SubscriptionKind
{
    /// <summary>New tickets (and their later events) of a brique.</summary>
    Brique,

    /// <summary>Tickets of an iTop intervenant team (or of the briques it serves).</summary>
    Team,

    /// <summary>A school's tickets: their resolution, and later events of those already in the channel.</summary>
    School,
}
