using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Digest;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Notifications;
using ChatOpsBot.Notifications.Digest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Notifications.Tests.Digest;

/// <summary>
/// The daily digest over real HTTP (the bot, the sandbox iTop, the loopback Teams, SQLite), on a fake clock: one iTop
/// query per digest counted at the HTTP boundary, one card per conversation and day, through the outbox.
/// </summary>
public sealed class DigestTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string EmptyChannel = "19:rouen@thread.tacv2";

    [Fact]
    public async Task A_subscribed_channel_gets_one_digest_a_working_day_with_one_iTop_query()
    {
        var time = new FakeTimeProvider(NextWorkingMorning(DateTimeOffset.UtcNow.AddDays(10)));
        await using var host = await StartAsync(time);
        var itop = new ItopCalls(host.Sandbox.BaseAddress);
        host.ConfigureServices += itop.AddTo;
        await host.StartBotAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.SubscribeAsync("école INSA Rouen Normandie", EmptyChannel);
        var (fresh, freshRef) = await host.ConsoleCreateTicketAsync("Nouveau cours Moodle");
        var (pending, pendingRef) = await host.ConsoleCreateTicketAsync("Droits Moodle en attente");
        await host.ConsoleStimulusAsync(pending, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        await host.ConsoleStimulusAsync(pending, "ev_pending", new JsonObject { ["pending_reason"] = "Attente de l'enseignant" });
        var (resolved, resolvedRef) = await host.ConsoleCreateTicketAsync("Cours Moodle résolu");
        await host.ConsoleStimulusAsync(resolved, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        await host.ConsoleStimulusAsync(resolved, "ev_resolve", new JsonObject { ["solution"] = "Fait" });
        var (closed, closedRef) = await host.ConsoleCreateTicketAsync("Cours Moodle clos");
        await host.ConsoleStimulusAsync(closed, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        await host.ConsoleStimulusAsync(closed, "ev_resolve", new JsonObject { ["solution"] = "Fait" });
        await host.ConsoleStimulusAsync(closed, "ev_close", new JsonObject());
        Assert.True(fresh > 0);

        itop.Clear();
        var before = host.Teams.Sent.Count;
        Assert.Equal(1, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
        // Two digests looked at (the OpenMoodle channel, the Rouen one with nothing open): one ticket query each, nothing else.
        Assert.True(itop.Calls.Count == 2, string.Join("\n", itop.Calls));
        output.WriteLine($"digest run: 2 conversations, {itop.Calls.Count} iTop requests: " + string.Join(" | ", itop.Calls));
        Assert.All(itop.Calls, c => Assert.StartsWith("core/get UserRequest SELECT UserRequest WHERE status NOT IN ('closed', 'rejected') AND (", c, StringComparison.Ordinal));

        await host.Service<OutboxDeliverer>().DrainOnceAsync(CancellationToken.None);
        var digest = await host.Teams.WaitForCardAsync(before, NotificationTestHost.ChannelId);
        Assert.Contains("Résumé du", digest.CardText, StringComparison.Ordinal);
        Assert.Contains("brique « OpenMoodle »", digest.CardText, StringComparison.Ordinal);
        Assert.Contains("3 tickets ouverts", digest.CardText, StringComparison.Ordinal);
        Assert.Contains(freshRef, digest.CardText, StringComparison.Ordinal);
        Assert.Contains("En attente depuis plus de 5 jours", digest.CardText, StringComparison.Ordinal);
        Assert.Contains(pendingRef, digest.CardText, StringComparison.Ordinal);
        Assert.Contains("Résolus, en attente de clôture par l'école", digest.CardText, StringComparison.Ordinal);
        Assert.Contains(resolvedRef, digest.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain(closedRef, digest.CardText, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Teams.Sent.Skip(before), s => s.ConversationId.StartsWith(EmptyChannel, StringComparison.Ordinal));

        // Sent once a day: again, or after a restart on the same state, nothing is read or sent.
        itop.Clear();
        Assert.Equal(0, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
        await host.StopBotAsync(0);
        await host.StartBotAsync();
        Assert.Equal(0, await host.Service<DigestRunner>(1).RunDueAsync(CancellationToken.None));
        Assert.DoesNotContain(itop.Calls, c => c.Contains("UserRequest", StringComparison.Ordinal));

        // The next day it comes again (the weekend and holidays skipped).
        time.SetUtcNow(NextWorkingMorning(time.GetUtcNow().AddDays(1)));
        Assert.Equal(1, await host.Service<DigestRunner>(1).RunDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_instances_send_one_digest_whichever_holds_the_lease()
    {
        var time = new FakeTimeProvider(NextWorkingMorning(DateTimeOffset.UtcNow.AddDays(1)));
        await using var host = await StartAsync(time, digestJob: true);
        await host.StartBotAsync();
        await host.StartBotAsync();
        await host.SubscribeAsync("OpenMoodle");
        await host.ConsoleCreateTicketAsync("Un ticket Moodle ouvert");
        var before = host.Teams.Sent.Count;

        // Each instance's job scans every ScanInterval of the fake clock; only the lease holder's does anything.
        for (var i = 0; i < 50 && !await host.Service<Outbox>().IsDoneAsync(DigestKey(time), CancellationToken.None); i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
            await host.Service<OutboxDeliverer>().DrainOnceAsync(CancellationToken.None);
        }

        Assert.Equal(1, new[] { 0, 1 }.Count(i => host.Service<DigestService>(i).IsLeader));
        Assert.Single(host.Teams.Sent.Skip(before), s => s.ConversationId == NotificationTestHost.ChannelId && s.CardText.Contains("Résumé du", StringComparison.Ordinal));

        // The leader stops: the other takes the lease over and sends nothing more that day.
        var leader = host.Service<DigestService>(0).IsLeader ? 0 : 1;
        await host.StopBotAsync(leader);
        for (var i = 0; i < 50 && !host.Service<DigestService>(1 - leader).IsLeader; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.True(host.Service<DigestService>(1 - leader).IsLeader);
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        await host.Service<OutboxDeliverer>(1 - leader).DrainOnceAsync(CancellationToken.None);
        Assert.Single(host.Teams.Sent.Skip(before), s => s.CardText.Contains("Résumé du", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_asks_for_their_digest_and_stops_it()
    {
        var time = new FakeTimeProvider(NextWorkingMorning(DateTimeOffset.UtcNow.AddDays(1)));
        await using var host = await StartAsync(time);
        await host.StartBotAsync();
        var (id, reference) = await host.ConsoleCreateTicketAsync("Pour l'équipe Moodle");
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });

        var answer = await SayAsync(host, TestUsers.Hamid, "/ticket résumé oui");
        Assert.Contains("chaque jour ouvré à 08:30", answer, StringComparison.Ordinal);
        var before = host.Teams.Sent.Count;
        Assert.Equal(1, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
        await host.Service<OutboxDeliverer>().DrainOnceAsync(CancellationToken.None);
        var digest = await host.Teams.WaitForCardAsync(before, TestUsers.Hamid.ConversationId);
        Assert.Contains("Les tickets de Hamid Le Fleurier et de ses équipes", digest.CardText, StringComparison.Ordinal);
        Assert.Contains("1 ticket ouvert — Affecté : 1", digest.CardText, StringComparison.Ordinal);
        Assert.StartsWith("R-", reference, StringComparison.Ordinal);

        Assert.Contains("plus le résumé", await SayAsync(host, TestUsers.Hamid, "/ticket résumé non"), StringComparison.Ordinal);
        time.SetUtcNow(NextWorkingMorning(time.GetUtcNow().AddDays(1)));
        Assert.Equal(0, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
        Assert.Contains("/ticket digest on", await SayAsync(host, TestUsers.Hamid, "/ticket digest", "en-US"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_turns_its_digest_off_and_iTop_down_delays_it_to_the_next_scan()
    {
        var time = new FakeTimeProvider(NextWorkingMorning(DateTimeOffset.UtcNow.AddDays(1)));
        await using var host = await StartAsync(time);
        await host.StartBotAsync();
        await host.PostAsync(host.ChannelMessage("/ticket résumé oui", EmptyChannel));
        await host.Teams.WaitForAsync(s => s.ConversationId.StartsWith(EmptyChannel, StringComparison.Ordinal) && s.Text?.Contains("Abonnez-le d'abord", StringComparison.Ordinal) == true);
        await host.SubscribeAsync("OpenMoodle");
        await host.ConsoleCreateTicketAsync("Un ticket Moodle ouvert");

        await host.Sandbox.StopAsync();
        Assert.Equal(0, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
        await host.Sandbox.RestartAsync(CancellationToken.None);
        await host.PostAsync(host.ChannelMessage("/ticket résumé non"));
        await host.Teams.WaitForAsync(s => s.Text?.Contains("ne reçoit plus le résumé", StringComparison.Ordinal) == true);
        Assert.Equal(0, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
        await host.PostAsync(host.ChannelMessage("/ticket résumé oui"));
        await host.Teams.WaitForAsync(s => s.Text?.Contains("reçoit le résumé de ses abonnements", StringComparison.Ordinal) == true);
        Assert.Equal(1, await host.Service<DigestRunner>().RunDueAsync(CancellationToken.None));
    }

    private static async Task<NotificationTestHost> StartAsync(FakeTimeProvider time, bool digestJob = false)
    {
        var host = await NotificationTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Notifications:Enabled"] = "false",
                ["Digest:Enabled"] = digestJob ? "true" : "false",
                ["Digest:ScanInterval"] = "00:00:01",
                ["Digest:LeaseDuration"] = "00:00:03",
            },
            startBot: false);
        host.WithDigest = true;
        host.ConfigureServices = services => services.AddSingleton<TimeProvider>(time);
        return host;
    }

    private static async Task<string> SayAsync(NotificationTestHost host, TestUser user, string text, string locale = "fr-FR")
    {
        var before = host.Teams.Sent.Count;
        var message = host.PersonalMessage(user, text);
        message["locale"] = locale;
        await host.PostAsync(message);
        return (await host.Teams.WaitForAsync(s => s.ConversationId == user.ConversationId && s.Text is not null, before)).Text!;
    }

    private static string DigestKey(FakeTimeProvider time) =>
        "digest:" + Calendar.DueDay(time.GetUtcNow())!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ":" + NotificationTestHost.ChannelId;

    private static readonly DigestCalendar Calendar = new(Options.Create(new DigestOptions()));

    /// <summary>08:31 Paris time on the first working day from <paramref name="from"/>.</summary>
    private static DateTimeOffset NextWorkingMorning(DateTimeOffset from)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, paris).DateTime);
        while (!Calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        var local = day.ToDateTime(new TimeOnly(8, 31));
        return new DateTimeOffset(local, paris.GetUtcOffset(local));
    }
}
