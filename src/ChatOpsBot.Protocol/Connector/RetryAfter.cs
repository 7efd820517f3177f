using System.Net.Http.Headers;

namespace ChatOpsBot.Protocol.Connector;

/// <summary>Reads a <c>Retry-After</c> header (seconds or a date) as a wait from now.</summary>
internal static class RetryAfter
{
    /// <summary>The wait it asks for (never negative), or null when there is no header.</summary>
    public static TimeSpan? Delay(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
