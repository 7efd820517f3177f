namespace ChatOpsBot.Benchmarks.Notifications;

/// <summary>The bot's requests to iTop, by kind: change-feed queries, single-ticket reads, anything else.</summary>
internal readonly record struct ItopRequests(long FeedQueries, long TicketReads, long Other)
{
    public long Total => FeedQueries + TicketReads + Other;

    public static ItopRequests operator -(ItopRequests after, ItopRequests before) =>
        new(after.FeedQueries - before.FeedQueries, after.TicketReads - before.TicketReads, after.Other - before.Other);
}
