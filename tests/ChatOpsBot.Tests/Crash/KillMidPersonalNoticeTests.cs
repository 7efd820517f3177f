using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatOpsBot.Cards;
using ChatOpsBot.Notifications;
using ChatOpsBot.Testing;
using static ChatOpsBot.Tests.Crash.ActionCrashRig;

namespace ChatOpsBot.Tests.Crash;

/// <summary>
/// Issue 13: the opener's personal notices go through the outbox like every proactive message. The bot process SIGKILLed
/// while the post of the opener's "your ticket is resolved" notice (the ticket's card with Clôturer / Rouvrir) waits for
/// Teams' answer; started again on the same SQLite file, the outbox posts that notice again (the Connector has no
/// idempotency key: only the post in flight may repeat, the notice before it does not), and the opener closes the ticket
/// from the notice posted after the restart: iTop is closed once.
/// </summary>
public sealed class KillMidPersonalNoticeTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    // The notifications on at every start (the rig's default is off, and a start's settings hold for that start only): the
    // change feed polled every second, the outbox drained by the instance holding their lease (lapsing 3 s after a kill).
    private static readonly Dictionary<string, string?> WithNotifications = KillMidApprovalCardTests.WithOutbox;

    [Fact]
    public async Task Killed_while_the_openers_resolved_notice_waits_for_its_answer_the_outbox_posts_it_after_the_restart_and_the_opener_closes_from_it()
    {
        await using var rig = await ActionCrashRig.StartAsync(WithNotifications);
        await rig.InstallAsync(Opener);
        // The first poll only sets the cursor (history is not announced): the ticket comes after it.
        Assert.True(await CrashRig.WaitUntilAsync(async () => await rig.StateAsync(ChangeFeedPoller.CursorKey) is not null, Generous), rig.Output);

        var form = await rig.SendForCardAsync(Opener, "/ticket " + KillMidActionTests.Title);
        var inputs = KillMidActionTests.FormInputs();
        inputs[CardInputIds.NeedsApproval] = "false";
        using (var created = await rig.ClickAsync(Opener, form, CardVerbs.OpenTicket, inputs))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        var ticketId = Assert.Single(await rig.TicketIdsAsync());
        var reference = (await rig.TicketAsync(ticketId))["ref"]!.GetValue<string>();

        // Assigned in the iTop console: the opener hears of it (a console change names nobody, so nobody is skipped).
        await rig.Console.StimulusAsync(ticketId, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        Assert.True(await CrashRig.WaitUntilAsync(() => AssignedNotices() == 1, Generous), rig.Output);

        // Resolved in the console: the notice is the ticket's card with Clôturer; its post is held, then the bot is killed.
        bool IsResolvedNotice(RecordedRequest r) => r.Method == "POST" && NotificationPost.Of(r).ConversationId == Opener.ConversationId
            && r.Body.Contains("\"" + CardVerbs.Close + "\"", StringComparison.Ordinal);
        var hold = rig.Teams.Hold(IsResolvedNotice);
        await rig.Console.StimulusAsync(ticketId, "ev_resolve", new JsonObject { ["solution"] = "Enseignant inscrit au cours CHIM-101." });
        Assert.True(await hold.WaitUntilHeldAsync(Generous), rig.Output);
        Assert.Empty(await ResolvedDoneAsync());
        await rig.KillBotAsync();
        hold.Release();
        await rig.StartBotAsync(WithNotifications);

        // The held post reached Teams, but the bot never read its answer: posted again, once; the assigned notice is not.
        int ResolvedNotices() => rig.Teams.Requests.Count(IsResolvedNotice);
        Assert.True(await CrashRig.WaitUntilAsync(() => ResolvedNotices() == 2, Generous), rig.Output);
        Assert.True(await CrashRig.WaitUntilAsync(async () => (await ResolvedDoneAsync()).Count == 1, Generous), rig.Output);
        await Task.Delay(TimeSpan.FromSeconds(1)); // a third post would arrive now
        Assert.Equal(2, ResolvedNotices());
        Assert.Equal(1, AssignedNotices());

        // The notice posted after the restart works: the opener closes the ticket from it.
        var notice = rig.Posted(Opener).Last(p => HasVerb(p.Card, CardVerbs.Close));
        Assert.Contains("Enseignant inscrit au cours CHIM-101.", Text(notice.Card), StringComparison.Ordinal);
        using (var closed = await rig.ClickAsync(Opener, notice, CardVerbs.Close))
        {
            Assert.Contains(reference, await AnswerAsync(closed), StringComparison.Ordinal);
        }

        Assert.Equal("closed", (await rig.TicketAsync(ticketId))["status"]!.GetValue<string>());
        Assert.Equal(1, rig.Itop.Forwarded.Count(c => c == "core/apply_stimulus UserRequest ev_close"));

        int AssignedNotices() => rig.Texts(Opener).Count(t => t.Contains(reference, StringComparison.Ordinal) && t.Contains("est assigné", StringComparison.Ordinal));

        async Task<List<string>> ResolvedDoneAsync() =>
            [.. (await rig.DeliveredAsync(ticketId.ToString(CultureInfo.InvariantCulture) + ":")).Select(e => e.Key)
                .Where(k => k.Contains(":Resolved", StringComparison.Ordinal) && k.EndsWith(":personal:" + Opener.ConversationId, StringComparison.Ordinal))];
    }
}
