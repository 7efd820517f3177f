using System.Text.Json.Nodes;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.RealItop;

namespace ChatOpsBot.Notifications.Tests.RealItop;

/// <summary>
/// Issue 14 against the real iTop: the bot's change feed on the kit's instance (reset first) sees an assignment and a
/// hold made in the iTop console, and the school support who opened the ticket from Teams is told of each in their
/// personal chat, with the question asked; the console names nobody, so nothing is taken for their own click.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopOpenerNoticeTests
{
    private const string RestAdminPassword = "RestAdmin#2024";

    [RealItopFact(ResetsItop = true)]
    public async Task The_opener_hears_of_a_console_assignment_and_hold_on_the_real_itop()
    {
        await RealItopReset.RunAsync();
        var url = new Uri(Environment.GetEnvironmentVariable("ITOP_TEST_URL")!);
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Itop:BaseUrl"] = url.ToString(),
            ["Itop:Token"] = Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN"),
            ["Notifications:PollIntervalSeconds"] = "1",
        });
        using var console = new ItopConsole(url, RestAdminPassword);
        await host.WaitForCursorAsync();
        var (id, reference) = await OpenerNoticeTests.OpenFromTeamsAsync(host, "Espace de cours promo 2028");
        bool ToLyon(SentActivity s, string text) => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text?.Contains(text, StringComparison.Ordinal) == true;

        var before = host.Teams.Sent.Count;
        await console.StimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var assigned = await host.Teams.WaitForAsync(s => ToLyon(s, "est assigné"), before, TimeSpan.FromSeconds(60));
        Assert.Equal("Votre ticket " + reference + " « Espace de cours promo 2028 » est assigné à Hamid Le Fleurier (Intervenants Moodle).", assigned.Text);

        before = host.Teams.Sent.Count;
        await console.StimulusAsync(id, "ev_pending", new JsonObject { ["pending_reason"] = "Quel est le nom du cours ?" });
        var pending = await host.Teams.WaitForAsync(s => ToLyon(s, "en attente"), before, TimeSpan.FromSeconds(60));
        Assert.Equal("Votre ticket " + reference + " « Espace de cours promo 2028 » est en attente, question posée : Quel est le nom du cours ?", pending.Text);
        Assert.Single(host.Teams.Sent, s => ToLyon(s, "est assigné"));
    }
}
