namespace ChatOpsBot.Protocol.MessageExtensions;

/// <summary>
/// <c>cacheInfo</c> of a link unfurling answer: <c>cacheType</c> "cache" with a <c>cacheDuration</c> in seconds, or
/// "no-cache" so that Teams asks the bot again next time the link is pasted.
/// </summary>
public sealed record LinkCache(string Type, TimeSpan? Duration)
{
    public static LinkCache NoCache { get; } = new("no-cache", null);
}
