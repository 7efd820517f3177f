using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.UserText;

/// <summary>
/// Issue 12, part 2, end to end: what one person typed reaches the others as text, in every place it is echoed — the
/// channel's thread, the agent's personal chat, the opener's and the new approver's chats, the ticket card.
/// </summary>
public sealed class EchoedTextTests
{
    // Through iTop's case log (HTML on its side) tags do not survive as typed: the markdown-only payload.
    private const string LinkPayload = "[cliquez ici](https://evil.example/phish) **urgent** _vite_ `code` # titre";

    [Fact]
    public async Task Title_pending_reason_and_comment_reach_the_channel_and_the_agent_as_text()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.LinkPersonalChatAsync(TestUsers.Hugues);

        var before = host.Teams.Sent.Count;
        var (id, reference) = await host.ConsoleCreateTicketAsync(MarkdownAssert.Payload);
        var root = await host.Teams.WaitForAsync(
            s => s.ConversationId == NotificationTestHost.ChannelId && s.TargetActivityId is null && s.CardText.Contains(reference, StringComparison.Ordinal), before);
        MarkdownAssert.ShowsAsText(root.Text, MarkdownAssert.Payload);
        AssertNoMarkdownHolds(root.Card!, "evil.example");

        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        var personal = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hugues.ConversationId && s.Text?.Contains(reference, StringComparison.Ordinal) == true, before);
        MarkdownAssert.ShowsAsText(personal.Text, MarkdownAssert.Payload);

        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_pending", new JsonObject { ["pending_reason"] = MarkdownAssert.Payload });
        var pending = await host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "POST" && s.Text?.Contains("attente", StringComparison.Ordinal) == true, before);
        MarkdownAssert.ShowsAsText(pending.Text, MarkdownAssert.Payload);

        before = host.Teams.Sent.Count;
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = LinkPayload });
        var comment = await host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "POST" && s.Text?.Contains("commentaire", StringComparison.Ordinal) == true, before);
        MarkdownAssert.ShowsAsText(comment.Text, LinkPayload);
        var card = await host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "PUT", before);
        AssertNoMarkdownHolds(card.Card!, "evil.example");
    }

    [Fact]
    public async Task Reasons_and_comments_of_approvals_reach_the_opener_and_the_new_approver_as_text()
    {
        await using var host = await ApprovalHost.StartAsync();
        var (_, created) = await ApprovalHost.OpenWithApprovalAsync(host, schoolReference: "[ici](https://evil.example/ref)");

        // The school's reference, on the ticket card everyone sees: never a markdown fact.
        AssertNoMarkdownHolds(created.Card, "evil.example");
        Assert.Contains("[ici](https://evil.example/ref)", CardJson.AllText(created.Card), StringComparison.Ordinal);

        var heleneCard = ApprovalHost.ApprovalCardIn(host, ApprovalHost.Helene);
        var eloiseCard = ApprovalHost.ApprovalCardIn(host, ApprovalHost.Eloise);
        var before = host.Teams.Sent.Count;
        await host.ClickAsync(ApprovalHost.Helene, heleneCard, heleneCard.Card!, CardVerbs.HandOffApproval, new Dictionary<string, string>
        {
            [CardInputIds.HandOffApprover] = "2",
            [CardInputIds.HandOffComment] = MarkdownAssert.Payload,
        });
        var told = await host.Teams.WaitForAsync(s => s.ConversationId == ApprovalHost.Eloise.ConversationId && s.Text?.Contains("transmis", StringComparison.Ordinal) == true, before);
        MarkdownAssert.ShowsAsText(told.Text, MarkdownAssert.Payload);

        var eloiseCopy = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id, before);
        before = host.Teams.Sent.Count;
        await host.ClickAsync(ApprovalHost.Eloise, eloiseCopy, eloiseCopy.Card!, CardVerbs.Reject, new Dictionary<string, string>
        {
            [CardInputIds.RejectComment] = MarkdownAssert.Payload,
        });
        var opener = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text?.Contains("refusée", StringComparison.Ordinal) == true, before);
        MarkdownAssert.ShowsAsText(opener.Text, MarkdownAssert.Payload);
    }

    [Fact]
    public async Task What_a_channel_member_typed_is_echoed_as_text_to_the_whole_channel()
    {
        await using var host = await NotificationTestHost.StartAsync();

        var notFound = await AskAsync(host, "/ticket abonner " + MarkdownAssert.ShortPayload);
        var notUnderstood = await AskAsync(host, MarkdownAssert.ShortPayload);

        MarkdownAssert.ShowsAsText(notFound, MarkdownAssert.ShortPayload);
        MarkdownAssert.ShowsAsText(notUnderstood.Split("\n\n")[0], MarkdownAssert.ShortPayload);
    }

    /// <summary>No TextBlock text nor fact of the card (the parts Adaptive Cards read as markdown) holds <paramref name="text"/>.</summary>
    private static void AssertNoMarkdownHolds(JsonObject card, string text) =>
        Assert.DoesNotContain(CardJson.MarkdownTexts(card), t => t.Contains(text, StringComparison.Ordinal));

    private static async Task<string> AskAsync(NotificationTestHost host, string text)
    {
        var before = host.Teams.Sent.Count;
        await host.PostAsync(host.ChannelMessage(text));
        var answer = await host.Teams.WaitForAsync(s => s.ConversationId.StartsWith(NotificationTestHost.ChannelId, StringComparison.Ordinal) && s.Text is not null, before);
        return answer.Text!;
    }
}
