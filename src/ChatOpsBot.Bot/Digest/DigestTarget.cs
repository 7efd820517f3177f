namespace ChatOpsBot.Bot.Digest;

/// <summary>A conversation that gets the digest: a subscribed channel, or a person's chat (<see cref="PersonId"/> set) who asked for it.</summary>
public sealed record DigestTarget(string ConversationId, int? PersonId = null, string? PersonName = null);
