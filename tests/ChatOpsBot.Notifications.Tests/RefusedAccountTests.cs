using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// Issue 11, part 3: iTop refusing the bot's account (code 1) while the change feed is polled (the job keeps its lease and
/// polls again, no restart of the job; once the account is accepted again, what changed meanwhile is announced), and
/// while a channel subscribes (answered, not left in silence).
/// </summary>
public sealed class RefusedAccountTests
{
    [Fact]
    public async Task The_change_feed_job_keeps_going_while_iTop_refuses_the_bot_account_and_catches_up_after()
    {
        var faults = new ItopFaults();
        await using var host = await NotificationTestHost.StartAsync(startBot: false);
        host.ConfigureServices = faults.AddTo;
        await host.StartBotAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.WaitForCursorAsync();

        faults.Fail(1, int.MaxValue, ItopFault.CredentialsRefused);
        var (_, reference) = await host.ConsoleCreateTicketAsync("Créé pendant le refus du compte");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (faults.Calls.Count(c => c.StartsWith("✗ core/get UserRequest", StringComparison.Ordinal)) < 6 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(host.Service<NotificationService>().IsLeader);
        Assert.Contains(host.Logs.Lines, l => l.Contains("could not be read from iTop (CredentialsRefused)", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("The notification job failed", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Teams.Sent, s => s.CardText.Contains(reference, StringComparison.Ordinal));

        faults.Lift();
        await host.Teams.WaitForAsync(s => s.ConversationId == NotificationTestHost.ChannelId && s.CardText.Contains(reference, StringComparison.Ordinal));
        Assert.True(host.Service<NotificationService>().IsLeader);
    }

    [Fact]
    public async Task A_subscription_typed_while_iTop_refuses_the_bot_account_is_answered_with_whom_to_tell()
    {
        var faults = new ItopFaults();
        await using var host = await NotificationTestHost.StartAsync(new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" }, startBot: false);
        host.ConfigureServices = faults.AddTo;

        // Refused from the start: the catalog the subscription needs could not be loaded by the warm-up either (once loaded,
        // a subscription needs no iTop call).
        faults.Fail(1, int.MaxValue, ItopFault.CredentialsRefused);
        await host.StartBotAsync();
        var before = host.Teams.Sent.Count;

        await host.PostAsync(host.ChannelMessage("/ticket abonner OpenMoodle"));

        var reply = await host.Teams.WaitForAsync(s => s.ConversationId.StartsWith(NotificationTestHost.ChannelId, StringComparison.Ordinal) && s.Text is not null, before);
        Assert.Contains("iTop a refusé le compte du bot", reply.Text);
        Assert.Contains("nathalie.matheu@groupe-insa.fr", reply.Text);
    }
}
