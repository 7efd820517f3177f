namespace ChatOpsBot.Testing.Fuzz;

/// <summary>What the malformed activities are aimed at: the serviceUrl the bot may answer, its id, and known senders.</summary>
/// <param name="ServiceUrl">The serviceUrl of well-formed activities (the loopback Connector).</param>
/// <param name="BotId">The bot's <c>28:</c> id (recipient, mention).</param>
/// <param name="Senders">Teams user ids and their personal conversation ids; a few cases come from them, most from strangers.</param>
public sealed record FuzzTarget(string ServiceUrl, string BotId, IReadOnlyList<(string UserId, string ConversationId)> Senders);
