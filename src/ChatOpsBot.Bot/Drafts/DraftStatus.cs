namespace ChatOpsBot.Bot.Drafts;

/// <summary>Where a new-ticket draft stands; moves are compare-and-swapped in the state store.</summary>
public enum DraftStatus
{
    /// <summary>The form is open.</summary>
    Open,

    /// <summary>One turn is creating the ticket in iTop; others must not.</summary>
    Submitting,

    /// <summary>iTop could not be reached; a Retry finishes it.</summary>
    Failed,

    /// <summary>The ticket exists (<see cref="TicketDraftState.TicketId"/>).</summary>
    Created,

    Cancelled,
}
