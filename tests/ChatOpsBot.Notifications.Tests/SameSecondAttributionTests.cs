using System.Text.Json.Nodes;
using ChatOpsBot.Cards;
using ChatOpsBot.Notifications;
using ChatOpsBot.Testing;
using static ChatOpsBot.Notifications.Tests.ActorNamingTests;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// Issue 14: Hamid (the agent) comments and the Lyon support (the opener) reopens from Teams in the same second of iTop's
/// clock, both seen by one poll. iTop lists the comment first, so matching entries to the move by date took his comment
/// for the reopen's reason and him for its actor: he was not told the ticket came back, she was told of her own click.
/// The bot's record of the reopen says whose it was.
/// </summary>
public sealed class SameSecondAttributionTests
{
    private static readonly TestUser Lyon = TestUsers.LyonSupport;

    [Fact]
    public async Task The_agent_hears_the_ticket_is_back_when_the_opener_reopens_in_the_second_of_his_comment()
    {
        var itopClock = new SteppedClock();
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:PollIntervalSeconds"] = "4" }, itopClock: itopClock);
        var ticket = await ResolvedForLyonAsync(host, host.Console, "Espace de cours promo 2029", TimeSpan.FromSeconds(30));

        // Both clicks between two polls, in one second of iTop's clock (held a second after the resolution's): the next poll sees them together.
        await AfterAPollAsync(host);
        var before = host.Teams.Sent.Count;
        itopClock.Hold();
        await CommentThenReopenAsync(host, ticket);
        itopClock.Release();
        await AssertBackToHamidAloneAsync(host, ticket, before, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_opener_hears_of_a_console_assignment_made_in_the_second_of_her_creation()
    {
        // The creation's entry carries the draft's marker in iTop, left out when read back: the record of the creation must
        // name the entry as read back, or the feed does not know it for the bot's and takes her for the console's assigner.
        var itopClock = new SteppedClock();
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:PollIntervalSeconds"] = "8" }, itopClock: itopClock);
        await host.WaitForCursorAsync();
        await AfterAPollAsync(host);
        itopClock.Hold(); // the creation and the console's move between two polls (8 s apart), in one second of iTop's clock
        var (id, reference) = await OpenerNoticeTests.OpenFromTeamsAsync(host, "Quota de stockage Moodle");
        await host.Console.StimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        itopClock.Release();
        var told = await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.Text?.Contains("est assigné", StringComparison.Ordinal) == true, 0, TimeSpan.FromSeconds(30));
        Assert.Contains(reference, told.Text, StringComparison.Ordinal);
    }

    /// <summary>A ticket Lyon opened from Teams, assigned to Hamid and resolved in the console; Hamid's chat is known.</summary>
    internal static async Task<ResolvedTicket> ResolvedForLyonAsync(NotificationTestHost host, ItopConsole console, string title, TimeSpan timeout)
    {
        await host.LinkPersonalChatAsync(TestUsers.Hamid);
        var (id, reference) = await OpenerNoticeTests.OpenFromTeamsAsync(host, title);
        await console.StimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var before = host.Teams.Sent.Count;
        await console.StimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Espace créé." });
        var notice = await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.CardText.Contains("Espace créé.", StringComparison.Ordinal), before, timeout);
        return new ResolvedTicket(id, reference, title, notice, await CardAsync(host, TestUsers.Hamid, "/ticket " + id));
    }

    /// <summary>Hamid comments from his ticket card, then Lyon reopens from her resolved notice, with her reason.</summary>
    internal static async Task CommentThenReopenAsync(NotificationTestHost host, ResolvedTicket ticket)
    {
        await ClickAsync(host, TestUsers.Hamid, ticket.HamidCard, CardVerbs.Comment, new() { [CardInputIds.CommentText] = "Je regarde cela.", [CardInputIds.CommentPublic] = "true" });
        await ClickAsync(host, Lyon, ticket.LyonNotice, CardVerbs.Reopen, new() { [CardInputIds.ReopenReason] = "Le cours n'apparaît pas." });
    }

    /// <summary>Hamid hears the ticket is back, with Lyon's reason; once that poll's deliveries are all made, Lyon was never told of her own reopening.</summary>
    internal static async Task AssertBackToHamidAloneAsync(NotificationTestHost host, ResolvedTicket ticket, int before, TimeSpan timeout)
    {
        var back = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hamid.ConversationId && s.Text?.Contains("vous revient", StringComparison.Ordinal) == true, before, timeout);
        Assert.Equal("Le ticket " + ticket.Reference + " « " + ticket.Title + " » vous revient, rouvert : Le cours n'apparaît pas.", back.Text);
        await AfterAPollAsync(host);
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == Lyon.ConversationId && s.Method == "POST" && (s.Text ?? s.CardText).Contains("est rouvert", StringComparison.Ordinal));
    }

    /// <summary>
    /// Returns about a second after a poll started (it has read the feed, and what it queued is delivered before the next
    /// one), the next poll being <c>PollIntervalSeconds</c> after its start.
    /// </summary>
    internal static async Task AfterAPollAsync(NotificationTestHost host)
    {
        var poller = host.Service<ChangeFeedPoller>();
        var polls = poller.Polls;
        while (poller.Polls == polls)
        {
            await Task.Delay(20);
        }

        await Task.Delay(1100);
    }

    internal sealed record ResolvedTicket(int Id, string Reference, string Title, SentActivity LyonNotice, SentActivity HamidCard);
}
