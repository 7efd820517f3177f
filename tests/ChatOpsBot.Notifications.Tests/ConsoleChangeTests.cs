using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.State;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>Changes made in the iTop console (REST as rest-admin, not through the bot) reach the subscribed channel.</summary>
public sealed class ConsoleChangeTests
{
    [Fact]
    public async Task A_console_change_reaches_the_subscribed_channel_in_the_ticket_thread()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.WaitForCursorAsync();

        var before = host.Teams.Sent.Count;
        var (id, reference) = await host.ConsoleCreateTicketAsync("Accès Moodle perdu");
        var root = await host.Teams.WaitForAsync(
            s => s.ConversationId == NotificationTestHost.ChannelId && s.Method == "POST" && s.TargetActivityId is null && s.CardText.Contains(reference, StringComparison.Ordinal),
            before);
        Assert.Contains("Nouveau ticket " + reference, root.Text, StringComparison.Ordinal); // how fast: the notify benchmark

        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        var reply = await host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "POST", before);
        Assert.Equal(NotificationTestHost.ChannelId, reply.ConversationId);
        Assert.Contains(reference + " assigné à", reply.Text, StringComparison.Ordinal);
        var update = await host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "PUT", before);
        Assert.Contains("Hugues", update.CardText, StringComparison.Ordinal);

        before = host.Teams.Sent.Count;
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "Le compte est réactivé." });
        var comment = await host.Teams.WaitForAsync(s => s.TargetActivityId == root.Id && s.Method == "POST", before);
        Assert.Contains("Le compte est réactivé.", comment.Text, StringComparison.Ordinal);

        // One thread per (ticket, channel): the card was posted once, then replied to and updated.
        await Task.Delay(500);
        Assert.Single(host.Teams.Sent, s => s.TargetActivityId is null && s.CardText.Contains(reference, StringComparison.Ordinal));
        Assert.Empty(await host.Service<IStateStore>().ListAsync("outbox:pending:"));
    }

    [Fact]
    public async Task A_ticket_of_another_brique_is_not_posted_and_a_resolution_reaches_the_school_channel()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.SubscribeAsync("école INSA Lyon", NotificationTestHost.SchoolChannelId);
        await host.WaitForCursorAsync();

        var before = host.Teams.Sent.Count;
        var (scenariId, scenariRef) = await host.ConsoleCreateTicketAsync("Atelier Scénari", "Ateliers Scénari");
        var (id, reference) = await host.ConsoleCreateTicketAsync("Cours Moodle");
        await host.Teams.WaitForAsync(s => s.CardText.Contains(reference, StringComparison.Ordinal), before);
        Assert.DoesNotContain(host.Teams.Sent.Skip(before), s => s.CardText.Contains(scenariRef, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Teams.Sent.Skip(before), s => s.ConversationId == NotificationTestHost.SchoolChannelId);

        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Fait" });
        var school = await host.Teams.WaitForAsync(s => s.ConversationId == NotificationTestHost.SchoolChannelId, before);
        Assert.Contains(reference, school.CardText, StringComparison.Ordinal);
        Assert.Contains(reference + " résolu", school.Text, StringComparison.Ordinal);
        _ = scenariId;
    }
}
