using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Protocol.Proactive;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot.Tests.Chats;

/// <summary>Conversation references from incoming activities, channel subscriptions, and the agent's personal message.</summary>
public sealed class ReferencesAndSubscriptionsTests
{
    [Fact]
    public async Task References_are_captured_on_install_refreshed_by_every_activity_and_dropped_on_uninstall()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        var install = TeamsActivity.Install().From(TestUsers.Hugues).Channel(NotificationTestHost.ChannelId, thread: false).To(host.Teams.BaseAddress).Build();
        await host.PostAsync(install);
        var stored = await host.WaitForReferenceAsync(NotificationTestHost.ChannelId, r => r is not null);
        Assert.Equal(ConversationReference.Channel, stored!.Scope);
        Assert.Equal(NotificationTestHost.ChannelId, stored.ChannelId);
        Assert.Equal("tenant-1", stored.TenantId);
        Assert.Equal("19:team@thread.tacv2", stored.TeamId);
        Assert.Equal([NotificationTestHost.ChannelId], await SharedConversationIdsAsync(host));

        // A later activity from another serviceUrl (Teams moved the conversation) refreshes it.
        var moved = host.ChannelMessage("/ticket abonnements");
        moved["serviceUrl"] = host.Teams.BaseAddress + "emea/";
        await host.PostAsync(moved);
        await host.WaitForReferenceAsync(NotificationTestHost.ChannelId, r => r?.ServiceUrl.EndsWith("emea/", StringComparison.Ordinal) == true);

        // Personal chat: found by Teams user id, and by iTop person once the user is identified.
        await host.PostAsync(host.PersonalMessage(TestUsers.Hugues, "/tickets"));
        await host.WaitForReferenceAsync(TestUsers.Hugues.ConversationId, r => r?.PersonId == 5);
        await using (var scope = host.Service<IServiceScopeFactory>().CreateAsyncScope())
        {
            var references = scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>();
            Assert.Equal(TestUsers.Hugues.ConversationId, (await references.GetPersonalByUserIdAsync(TestUsers.Hugues.TeamsId, CancellationToken.None))?.ConversationId);
            Assert.Equal(TestUsers.Hugues.ConversationId, (await references.GetPersonalByPersonIdAsync(5, CancellationToken.None))?.ConversationId);
        }

        var uninstall = install.DeepClone().AsObject();
        uninstall["id"] = Guid.NewGuid().ToString("N");
        uninstall["action"] = "remove";
        await host.PostAsync(uninstall);
        await host.WaitForReferenceAsync(NotificationTestHost.ChannelId, r => r is null);
        Assert.Empty(await SharedConversationIdsAsync(host));
    }

    [Fact]
    public async Task A_channel_subscribes_lists_and_unsubscribes_in_French_and_English()
    {
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
        Assert.Equal("Ce canal n'a aucun abonnement. `/ticket abonner <brique|équipe|école>` pour en ajouter un.", await AskAsync(host, "/ticket abonnements"));
        Assert.Equal("Ce canal est abonné à la brique « OpenMoodle ».", await AskAsync(host, "/ticket abonner openmoodle"));
        Assert.Equal("Ce canal était déjà abonné à la brique « OpenMoodle ».", await AskAsync(host, "/ticket abonner OpenMoodle"));
        Assert.Equal("Ce canal est abonné à l'équipe « Intervenants Moodle ».", await AskAsync(host, "/ticket abonner equipe intervenants moodle"));
        Assert.Equal("This channel is now subscribed to the school “INSA Lyon”.", await AskAsync(host, "subscribe INSA Lyon", "en-US"));
        // As the welcome card tells a school support, in each language.
        Assert.Equal("This channel is now subscribed to the school “INSA Toulouse”.", await AskAsync(host, "/ticket subscribe school INSA Toulouse", "en-US"));
        Assert.Equal("Ce canal était déjà abonné à l'école « INSA Toulouse ».", await AskAsync(host, "/ticket abonner école INSA Toulouse"));
        Assert.Equal("Je ne connais ni brique, ni équipe, ni école « Blackboard ».", await AskAsync(host, "/ticket abonner Blackboard"));
        var list = await AskAsync(host, "/ticket abonnements");
        Assert.Contains("la brique « OpenMoodle »", list, StringComparison.Ordinal);
        Assert.Contains("l'équipe « Intervenants Moodle »", list, StringComparison.Ordinal);
        Assert.Contains("l'école « INSA Lyon »", list, StringComparison.Ordinal);
        Assert.Equal("Ce canal n'est plus abonné à la brique « OpenMoodle ».", await AskAsync(host, "/ticket désabonner OpenMoodle"));
        Assert.Equal("This channel was not subscribed to the brique “OpenMoodle”.", await AskAsync(host, "/ticket unsubscribe OpenMoodle", "en-GB"));
        Assert.DoesNotContain("OpenMoodle", await AskAsync(host, "/ticket abonnements"), StringComparison.Ordinal);

        // Not in a personal chat.
        var before = host.Teams.Sent.Count;
        await host.PostAsync(host.PersonalMessage(TestUsers.Hugues, "/ticket abonner OpenMoodle"));
        var refusal = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hugues.ConversationId, before);
        Assert.StartsWith("Les abonnements se gèrent dans un canal", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assignment_made_in_the_console_is_sent_to_the_agent_personally()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.LinkPersonalChatAsync(TestUsers.Hugues);

        var (id, reference) = await host.ConsoleCreateTicketAsync("Quota Moodle");
        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 5 });
        var personal = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hugues.ConversationId && s.Text?.Contains(reference, StringComparison.Ordinal) == true, before);
        Assert.Equal("Le ticket " + reference + " « Quota Moodle » vous est assigné.", personal.Text);
    }

    private static async Task<string> AskAsync(NotificationTestHost host, string text, string locale = "fr-FR")
    {
        var before = host.Teams.Sent.Count;
        var message = host.ChannelMessage(text);
        message["locale"] = locale;
        await host.PostAsync(message);
        var answer = await host.Teams.WaitForAsync(s => s.ConversationId.StartsWith(NotificationTestHost.ChannelId, StringComparison.Ordinal) && s.Text is not null, before);
        return answer.Text!;
    }

    /// <summary>The channels and group chats listed for roster lookups (personal chats are not).</summary>
    private static async Task<List<string>> SharedConversationIdsAsync(NotificationTestHost host)
    {
        await using var scope = host.Service<IServiceScopeFactory>().CreateAsyncScope();
        var shared = await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().ListSharedAsync(CancellationToken.None);
        return [.. shared.Select(r => r.ConversationId)];
    }
}
