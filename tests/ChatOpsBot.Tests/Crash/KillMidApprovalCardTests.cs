using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Cards;
using ChatOpsBot.Testing;
using static ChatOpsBot.Tests.Crash.ActionCrashRig;

namespace ChatOpsBot.Tests.Crash;

/// <summary>
/// Issue 13: approval cards go through the notifications' outbox like every proactive message. The bot process SIGKILLed
/// while the post of an approver's card waits for Teams' answer; started again on the same SQLite file, the outbox posts
/// that card again (the Connector has no idempotency key: only the post in flight may repeat), records where it went, and
/// the approver decides from it: iTop is approved once. The decision's messages (the other copies replaced, the opener told)
/// go the same way: killed while the opener's message is in flight, it is sent again once after the restart.
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

    [Fact]
    public async Task Killed_while_the_openers_decision_message_waits_for_its_answer_the_outbox_sends_it_again_once_and_the_other_copy_shows_the_decision()
    {
        await using var rig = await ActionCrashRig.StartAsync(WithOutbox);
        var (helene, eloise) = await OpenForApprovalAsync(rig);
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.DeliveredAsync("approval:")).Count == 2, Generous), rig.Output);

        // The opener's « approuvée » message is held in flight; Hélène's click is answered without waiting for it.
        bool IsOpenerTold(RecordedRequest r) => r.Method == "POST" && NotificationPost.Of(r).ConversationId == Opener.ConversationId
            && JsonNode.Parse(r.Body)?["text"]?.GetValue<string>() is { } text && text.Contains("approuvée par Hélène Dechelette", StringComparison.Ordinal);
        var hold = rig.Teams.Hold(IsOpenerTold);
        using (var approved = await rig.ClickAsync(Helene, helene, CardVerbs.Approve))
        {
            Assert.Contains("Approuvé par Hélène Dechelette", await AnswerAsync(approved), StringComparison.Ordinal);
        }

        Assert.True(await hold.WaitUntilHeldAsync(Generous), rig.Output);
        Assert.Empty(await rig.DeliveredAsync("approval-opener:"));
        await rig.KillBotAsync();
        hold.Release();
        await rig.StartBotAsync(WithOutbox);

        // The held message reached Teams, but the bot never read its answer: the outbox sends it again, once.
        int OpenerTold() => rig.Teams.Requests.Count(IsOpenerTold);
        Assert.True(await CrashRig.WaitUntilAsync(() => OpenerTold() == 2, Generous), rig.Output);
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.DeliveredAsync("approval-opener:")).Count == 1, Generous), rig.Output);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a third message would arrive now
        Assert.Equal(2, OpenerTold());

        // Eloise's copy shows the decision, replaced through the outbox (its key extends the copy's own), and no new card was posted to her.
        await rig.WaitForUpdateAsync(eloise.Id, c => Text(c).Contains("Approuvé par Hélène Dechelette", StringComparison.Ordinal) && !HasVerb(c, CardVerbs.Approve), Generous);
        Assert.Contains(await rig.DeliveredAsync("approval:"), e => e.Key.EndsWith(":update:Approved", StringComparison.Ordinal));
        Assert.Single(rig.Posted(Eloise), p => HasVerb(p.Card, CardVerbs.Approve));
        var ticketId = Assert.Single(await rig.TicketIdsAsync());
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == "core/apply_stimulus UserRequest ev_approve"));
        Assert.Equal("approved", (await rig.TicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_hand_over_tells_the_new_approver_and_replaces_the_former_ones_card_through_the_outbox()
    {
        await using var rig = await ActionCrashRig.StartAsync(WithOutbox);
        var (helene, eloise) = await OpenForApprovalAsync(rig);
        using (var handedOver = await rig.ClickAsync(Helene, helene, CardVerbs.HandOffApproval, new Dictionary<string, string> { [CardInputIds.HandOffApprover] = "2" }))
        {
            Assert.Equal(HttpStatusCode.OK, handedOver.StatusCode);
        }

        // Eloise is told once, after her card (which she had: no second card), and Hélène's copy names her: both from the outbox.
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.DeliveredAsync("approval-handoff:")).Count == 1, Generous), rig.Output);
        Assert.Single(rig.Texts(Eloise), t => t.Contains("vous a transmis la demande d'approbation", StringComparison.Ordinal));
        await rig.WaitForUpdateAsync(helene.Id, c => Fact(c, "Approbateur désigné") == "Eloise Joyeux", Generous);
        await rig.WaitForUpdateAsync(eloise.Id, c => Fact(c, "Approbateur désigné") == "Eloise Joyeux", Generous);
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await rig.DeliveredAsync("approval:")).Count(e => e.Key.EndsWith(":update:open", StringComparison.Ordinal)) == 2, Generous), rig.Output);
        Assert.Single(rig.Posted(Eloise), p => HasVerb(p.Card, CardVerbs.Approve));
    }

    /// <summary>Hélène and Eloise reachable, the opener asks for approval: the two approvers' cards, once posted.</summary>
    private static async Task<((JsonObject Card, string Id) Helene, (JsonObject Card, string Id) Eloise)> OpenForApprovalAsync(ActionCrashRig rig)
    {
        await rig.InstallAsync(Helene);
        await rig.InstallAsync(Eloise);
        var form = await rig.SendForCardAsync(Opener, "/ticket " + KillMidActionTests.Title);
        using (var created = await rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, KillMidActionTests.FormInputs()))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        return (await rig.WaitForPostAsync(Helene, 0, c => HasVerb(c, CardVerbs.Approve), Generous),
            await rig.WaitForPostAsync(Eloise, 0, c => HasVerb(c, CardVerbs.Approve), Generous));
    }
}
