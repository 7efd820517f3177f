using System.Net;
using ChatOpsBot.Cards;
using ChatOpsBot.Testing;
using static ChatOpsBot.Tests.Crash.ActionCrashRig;

namespace ChatOpsBot.Tests.Crash;

/// <summary>
/// Issue 13: approval cards go through the notifications' outbox like every proactive message. The bot process SIGKILLed
/// while the post of an approver's card waits for Teams' answer; started again on the same SQLite file, the outbox posts
/// that card again (the Connector has no idempotency key: only the post in flight may repeat), records where it went, and
/// the approver decides from it: iTop is approved once.
/// </summary>
public sealed class KillMidApprovalCardTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    // The notifications on (the outbox drains on the instance holding their lease, lapsing 3 s after a kill).
    internal static readonly Dictionary<string, string?> WithOutbox = new()
    {
        ["Notifications:Enabled"] = "true",
        ["Notifications:LeaseDuration"] = "00:00:03",
        ["Notifications:PollIntervalSeconds"] = "1",
    };

    [Fact]
    public async Task Killed_while_an_approval_card_waits_for_its_answer_the_outbox_posts_it_after_the_restart_and_the_approver_decides()
    {
        await using var rig = await ActionCrashRig.StartAsync(WithOutbox);
        await rig.InstallAsync(Helene);
        await rig.InstallAsync(Eloise);
        var hold = rig.Teams.Hold(r => r.Method == "POST" && NotificationPost.Of(r).ConversationId == Helene.ConversationId && r.Body.Contains("\"approve\"", StringComparison.Ordinal));

        var form = await rig.SendForCardAsync(Opener, "/ticket " + KillMidActionTests.Title);
        using (var created = await rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, KillMidActionTests.FormInputs()))
        {
            // The opener's click ends once the cards are queued: it does not wait for Teams to take them.
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        Assert.True(await hold.WaitUntilHeldAsync(Generous), rig.Output);
        Assert.Empty(await rig.DeliveredAsync("approval:"));
        await rig.KillBotAsync();
        hold.Release();
        await rig.StartBotAsync(WithOutbox);

        var eloise = await rig.WaitForPostAsync(Eloise, 0, c => HasVerb(c, CardVerbs.Approve), Generous);
        // The held post reached Teams, but the bot never read its answer: it is posted again, once (counted as requests: the
        // killed one has no answer the rig could read an id from).
        int HelenePosts() => rig.Teams.Requests.Count(r => r.Method == "POST" && NotificationPost.Of(r).ConversationId == Helene.ConversationId
            && r.Body.Contains("\"approve\"", StringComparison.Ordinal));
        Assert.True(await CrashRig.WaitUntilAsync(() => HelenePosts() == 2, Generous), rig.Output);
        Assert.Single(rig.Posted(Eloise), p => HasVerb(p.Card, CardVerbs.Approve));
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.DeliveredAsync("approval:")).Count == 2, Generous), rig.Output);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a third post would arrive now
        Assert.Equal(2, HelenePosts());

        // Hélène decides from the card posted after the restart; Eloise's copy says so (the round knows where it went).
        var helene = rig.Posted(Helene).Last(p => HasVerb(p.Card, CardVerbs.Approve));
        using (var approved = await rig.ClickAsync(Helene, helene, CardVerbs.Approve))
        {
            Assert.Contains("Approuvé par Hélène Dechelette", await AnswerAsync(approved), StringComparison.Ordinal);
        }

        var ticketId = Assert.Single(await rig.TicketIdsAsync());
        Assert.Equal("approved", (await rig.TicketAsync(ticketId))["status"]!.GetValue<string>());
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == "core/apply_stimulus UserRequest ev_approve"));
        await rig.WaitForUpdateAsync(eloise.Id, c => Text(c).Contains("Approuvé par Hélène Dechelette", StringComparison.Ordinal), Generous);
    }
}
