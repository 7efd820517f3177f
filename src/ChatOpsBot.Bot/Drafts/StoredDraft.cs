namespace ChatOpsBot.Bot.Drafts;

/// <summary>A draft with the ETag it was read with (for compare-and-swap).</summary>
public sealed record StoredDraft(TicketDraftState Draft, string ETag);
