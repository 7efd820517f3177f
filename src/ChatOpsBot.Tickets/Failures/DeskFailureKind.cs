namespace ChatOpsBot.Tickets.Failures;

/// <summary>Why the ticket store did not do what was asked; each kind gets its own answer to the user.</summary>
public enum DeskFailureKind
{
    /// <summary>The store could not be reached (network, timeout, open circuit, an answer that is not the store's).</summary>
    Unavailable,

    /// <summary>The store refused the bot's own account (iTop code 1: login, profile or right): nothing was done.</summary>
    CredentialsRefused,

    /// <summary>The store refused the data or the move (e.g. the ticket changed meanwhile): nothing was done.</summary>
    Refused,

    /// <summary>The store answered success, but not with what was asked (wrong status, log entry missing).</summary>
    UnexpectedAnswer,

    /// <summary>
    /// The store has no such object: the ticket, or one the request names (team, agent, service), gone or never there
    /// (iTop code 100 "Invalid object …"): nothing was done.
    /// </summary>
    NotFound,
}
