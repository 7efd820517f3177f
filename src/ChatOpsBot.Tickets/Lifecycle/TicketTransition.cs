namespace ChatOpsBot.Tickets.Lifecycle;

/// <summary>A validated move: the stimulus to apply, the state expected afterwards and the attributes to write with it.</summary>
public sealed record TicketTransition(int TicketId, TicketStimulus Stimulus, TicketStatus From, TicketStatus To, TicketChanges Changes)
    : TicketWrite(TicketId, Changes);
