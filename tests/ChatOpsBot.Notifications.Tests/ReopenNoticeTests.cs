using System.Text.Json.Nodes;
using ChatOpsBot.Cards;
using static ChatOpsBot.Notifications.Tests.ActorNamingTests;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// A resolved ticket reopened with its reason: the agent hears in their personal chat that it is back, with the reason.
/// Nobody is told about their own click.
/// </summary>
public sealed class ReopenNoticeTests
{
    [Fact]
    public async Task A_reopened_ticket_is_sent_back_to_its_agent_personally_with_the_reason()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.LinkPersonalChatAsync(TestUsers.Hugues);

        var (id, reference) = await host.ConsoleCreateTicketAsync("Quota Moodle");
        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hugues.ConversationId && s.Text?.Contains("vous est assigné", StringComparison.Ordinal) == true, before);
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Quota relevé." });

        // The reason goes with the stimulus, in one call, as the bot's Reopen form sends it.
        await host.NextSecondAsync();
        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_reopen", new JsonObject { ["public_log"] = "Le quota est toujours dépassé." });
        var personal = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hugues.ConversationId && s.Text?.Contains("revient", StringComparison.Ordinal) == true, before);
        Assert.Equal("Le ticket " + reference + " « Quota Moodle » vous revient, rouvert : Le quota est toujours dépassé.", personal.Text);
    }

    [Fact]
    public async Task An_agent_taking_a_ticket_back_from_hold_is_not_told_it_is_assigned_to_them()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.WaitForCursorAsync();
        var (id, reference) = await host.ConsoleCreateTicketAsync("Accès Moodle perdu");
        var root = await host.Teams.WaitForAsync(s => IsRoot(s, reference));
        var card = await CardAsync(host, TestUsers.Hamid, "/ticket " + id);
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        bool ToHamid(SentActivity s) => s.ConversationId == TestUsers.Hamid.ConversationId && s.Text?.Contains("vous est assigné", StringComparison.Ordinal) == true;
        await host.Teams.WaitForAsync(ToHamid);

        card = await CardAsync(host, TestUsers.Hamid, "/ticket " + id);
        card = await ClickAsync(host, TestUsers.Hamid, card, CardVerbs.Pending, new() { [CardInputIds.PendingReason] = "Attente de l'UFR." });
        var before = host.Teams.Sent.Count;
        await ClickAsync(host, TestUsers.Hamid, card, CardVerbs.Assign, new() { [CardInputIds.AssignTeam] = "19", [CardInputIds.AssignAgent] = "3" });
        Assert.EndsWith("— par Hamid Le Fleurier", (await ReplyAsync(host, root, " assigné à", before)).Text, StringComparison.Ordinal);

        // A later change, delivered after everything his click caused: still only the console's assignment in his chat.
        before = host.Teams.Sent.Count;
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "Suite." });
        await ReplyAsync(host, root, "Suite.", before);
        Assert.Single(host.Teams.Sent, ToHamid);
    }
}
