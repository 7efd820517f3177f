using ChatOpsBot.Testing.Postgres;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Cards;
using ChatOpsBot.Notifications;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>Two bot instances on one PostgreSQL database (a schema per test).</summary>
public sealed class MultiInstanceTests
{
    [PostgresFact]
    public async Task Two_instances_run_one_poller_post_each_change_once_share_dialogs_and_fail_over()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        {
            // The instances stop (end of this block) before their schema is dropped.
            await using var host = await NotificationTestHost.StartAsync(postgres: schema.ConnectionString);
            await host.StartBotAsync();
            await host.SubscribeAsync("OpenMoodle", index: 1);
            await host.WaitForCursorAsync();
            await WaitAsync(() => Leaders(host, 0, 1) == 1, "one leader");
            Assert.Equal(1, Leaders(host, 0, 1));

            // Changes made in the console: each posted once although two instances run.
            var before = host.Teams.Sent.Count;
            var refs = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                refs.Add((await host.ConsoleCreateTicketAsync("Multi " + i)).Ref);
            }

            await WaitAsync(() => refs.All(r => host.Teams.Sent.Skip(before).Any(s => s.CardText.Contains(r, StringComparison.Ordinal))), "all posted");

            // A dialog started on instance 0 is finished on instance 1.
            const string title = "Espace de cours promo 2027";
            var formAt = host.Teams.Sent.Count;
            await host.PostAsync(host.PersonalMessage(TestUsers.LyonSupport, "/ticket " + title), 0);
            var form = await host.Teams.WaitForCardAsync(formAt, TestUsers.LyonSupport.ConversationId);
            var data = CardJson.FindActionData(form.Card!, CardVerbs.OpenTicket)!.DeepClone().AsObject();
            foreach (var (key, value) in SeedTicket.FormInputs(title))
            {
                data[key] = value;
            }

            data[CardInputIds.Service] = "5";
            data[CardInputIds.SubService] = "11";
            var created = await host.InvokeAsync(TestUsers.LyonSupport, form.Id, CardVerbs.OpenTicket, data, 1);
            using var itop = new ItopReader(host.Sandbox);
            var ticket = Assert.Single(await itop.FindTicketsAsync("SELECT UserRequest WHERE title = '" + title + "'"));
            var createdRef = ticket["ref"]!.GetValue<string>();
            Assert.Contains(createdRef, created.ToJsonString(), StringComparison.Ordinal);
            refs.Add(createdRef);

            // Only the leader ever queried iTop's change feed.
            Assert.Equal(1, new[] { 0, 1 }.Count(i => host.Service<ChangeFeedPoller>(i).FeedQueries > 0));

            // The leader stops: the other instance takes the lease over and keeps notifying.
            var leader = host.Service<NotificationService>(0).IsLeader ? 0 : 1;
            await host.StopBotAsync(leader);
            var other = 1 - leader;
            await WaitAsync(() => host.Service<NotificationService>(other).IsLeader, "take-over");
            var late = await host.ConsoleCreateTicketAsync("Après la bascule");
            refs.Add(late.Ref);
            await WaitAsync(() => host.Teams.Sent.Skip(before).Any(s => s.CardText.Contains(late.Ref, StringComparison.Ordinal) && s.TargetActivityId is null), "posted after take-over");

            await Task.Delay(1000);
            var roots = host.Teams.Sent.Skip(before).Where(s => s.ConversationId == NotificationTestHost.ChannelId && s.TargetActivityId is null && s.Card is not null).ToList();
            foreach (var reference in refs)
            {
                Assert.Single(roots, s => s.CardText.Contains(reference, StringComparison.Ordinal));
            }
        }
    }

    private static int Leaders(NotificationTestHost host, params int[] indexes) =>
        indexes.Count(i => host.Service<NotificationService>(i).IsLeader);

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for " + what);
            await Task.Delay(50);
        }
    }
}
