using Xunit.Abstractions;

namespace ChatOpsBot.Tests.Crash;

/// <summary>
/// Issue 6: 100 tickets created in the iTop console, two channels subscribed to their brique (200 threads to start),
/// the bot process SIGKILLed in the middle of the fan-out and started again on the same SQLite file. Every notification
/// arrives; none twice, except a post whose Connector answer the bot never saw (the Connector has no idempotency key,
/// so that post is necessarily sent again).
/// </summary>
public sealed class KillMidFanOutTests(ITestOutputHelper output)
{
    private const int Tickets = 100;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    // Small limits spread the 200 posts over seconds, so the kill lands in the middle of them; small feed pages.
    private static readonly Dictionary<string, string?> SlowFanOut = new()
    {
        ["Notifications:ConversationBurstLimit"] = "4",
        ["Notifications:ConversationBurstWindow"] = "00:00:00.100",
        ["Notifications:ConversationLimit"] = "1000",
        ["Notifications:PageSize"] = "7",
    };

    [Fact]
    public async Task Killed_at_an_arbitrary_moment_every_notification_arrives_and_only_the_send_in_flight_may_repeat()
    {
        await using var rig = await SubscribedRigAsync();
        var before = rig.Sink.Requests.Count;
        var killAfter = Random.Shared.Next(40, 120);
        var refs = await CreateTicketsAsync(rig);

        Assert.True(await CrashRig.WaitUntilAsync(() => rig.Sink.Requests.Count - before >= killAfter, Generous), rig.Output);
        await rig.KillBotAsync();
        var atKill = rig.Sink.Requests.Count - before;
        output.WriteLine($"killed after {atKill} posts (threshold {killAfter})");
        Assert.InRange(atKill, killAfter, 2 * Tickets - 1);

        await rig.StartBotAsync();
        var posts = await WaitForEveryNotificationAsync(rig, before, refs);
        var repeats = Repeats(posts);
        output.WriteLine($"repeated: {repeats.Count}");

        // At most the send in flight at the kill: the killed bot's last request (the sink may record it just after the count).
        Assert.True(repeats.Count <= 1, "repeated: " + string.Join(", ", repeats.Select(r => r.Key)));
        foreach (var repeat in repeats)
        {
            Assert.Equal(2, repeat.Count());
            Assert.InRange(posts.IndexOf(repeat.First()), atKill - 1, atKill);
        }
    }

    [Fact]
    public async Task Killed_while_a_post_waits_for_its_answer_that_post_is_sent_again_and_nothing_else_is()
    {
        await using var rig = await SubscribedRigAsync();
        var before = rig.Sink.Requests.Count;
        var seen = 0;
        var hold = rig.Sink.Hold(r => NotificationPost.Of(r).StartsThread && Interlocked.Increment(ref seen) == 60);
        var refs = await CreateTicketsAsync(rig);

        Assert.True(await hold.WaitUntilHeldAsync(Generous), rig.Output);
        await rig.KillBotAsync();
        hold.Release();
        // One send at a time: nothing went out while the bot waited for that answer.
        Assert.Equal(60, rig.Sink.Requests.Count - before);
        var held = NotificationPost.Of(await hold.Held);

        await rig.StartBotAsync();
        var posts = await WaitForEveryNotificationAsync(rig, before, refs);
        var repeat = Assert.Single(Repeats(posts));
        Assert.Equal((held.ConversationId, held.TicketRef), repeat.Key);
        Assert.Equal(2, repeat.Count());
    }

    [Fact]
    public async Task Killed_while_a_card_update_waits_for_its_answer_the_reply_in_the_thread_still_goes_out_once()
    {
        await using var rig = await SubscribedRigAsync();
        var (id, reference) = await rig.ConsoleCreateTicketAsync("Carte mise à jour");
        Assert.True(await CrashRig.WaitUntilAsync(() => rig.Sink.Requests.Count(r => NotificationPost.Of(r).StartsThread) == 2, Generous), rig.Output);

        var before = rig.Sink.Requests.Count;
        var hold = rig.Sink.Hold(r => r.Method == "PUT");
        await rig.ConsoleAssignAsync(id);
        Assert.True(await hold.WaitUntilHeldAsync(Generous), rig.Output);
        await rig.KillBotAsync();
        hold.Release();
        var held = NotificationPost.Of(await hold.Held);

        await rig.StartBotAsync();
        List<NotificationPost> Sent() => [.. rig.Sink.Requests.Skip(before).Select(NotificationPost.Of).Where(p => CrashRig.Channels.Contains(p.ConversationId))];
        Assert.True(await CrashRig.WaitUntilAsync(() => Sent().Count(p => p.IsReply) >= 2, Generous), rig.Output);
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.PendingOutboxAsync()).Count == 0, Generous), "the outbox never emptied");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a repeated reply would arrive now

        var sent = Sent();
        foreach (var channel in CrashRig.Channels)
        {
            Assert.Single(sent, p => p.IsReply && p.ConversationId == channel && p.TicketRef == reference);
        }

        // The update the bot never saw answered is made again (harmless: the same card); nothing else in the thread.
        Assert.Equal(2, sent.Count(p => p.IsCardUpdate && p.ConversationId == held.ConversationId));
        Assert.DoesNotContain(sent, p => p.StartsThread);
    }

    private static async Task<CrashRig> SubscribedRigAsync()
    {
        var rig = await CrashRig.StartAsync(SlowFanOut);
        try
        {
            foreach (var channel in CrashRig.Channels)
            {
                await rig.SubscribeToOpenMoodleAsync(channel);
            }

            await rig.WaitForCursorAsync();
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private static async Task<List<string>> CreateTicketsAsync(CrashRig rig)
    {
        var refs = new List<string>();
        for (var i = 0; i < Tickets; i++)
        {
            refs.Add((await rig.ConsoleCreateTicketAsync("Changement " + i)).Ref);
        }

        return refs;
    }

    /// <summary>
    /// Waits until every (channel, ticket) thread was started and the outbox is empty, then a short while for anything
    /// extra; checks that each request since <paramref name="before"/> started one of those threads (no reply, no
    /// update, nothing else) and returns them in arrival order.
    /// </summary>
    private static async Task<List<NotificationPost>> WaitForEveryNotificationAsync(CrashRig rig, int before, IReadOnlyList<string> refs)
    {
        var expected = refs.SelectMany(r => CrashRig.Channels.Select(c => (Conversation: c, Ref: (string?)r))).ToHashSet();
        var posts = new List<NotificationPost>();
        var missing = expected.ToHashSet();
        bool AllArrived()
        {
            foreach (var request in rig.Sink.Requests.Skip(before + posts.Count))
            {
                var post = NotificationPost.Of(request);
                posts.Add(post);
                missing.Remove((post.ConversationId, post.TicketRef));
            }

            return missing.Count == 0;
        }

        Assert.True(await CrashRig.WaitUntilAsync(AllArrived, Generous), $"{missing.Count} never arrived, e.g. {missing.FirstOrDefault()}\n{rig.Output}");
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.PendingOutboxAsync()).Count == 0, Generous), "the outbox never emptied");
        await Task.Delay(TimeSpan.FromSeconds(2)); // a repeat or a stray reply would arrive now
        AllArrived();
        Assert.All(posts, p => Assert.True(p.StartsThread && expected.Contains((p.ConversationId, p.TicketRef)), "unexpected request " + p));
        return posts;
    }

    private static List<IGrouping<(string, string?), NotificationPost>> Repeats(List<NotificationPost> posts) =>
        posts.GroupBy(p => (p.ConversationId, p.TicketRef)).Where(g => g.Count() > 1).ToList();
}
