using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Chats;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;
using ChatOpsBot.Protocol.Proactive;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Bot.Tests.Chats;

/// <summary>
/// People who never wrote to the bot are reached the way Teams allows: found in the roster of a team where the bot is
/// installed, then a 1:1 chat is created (PersonalChatFinder), end to end through the loopback Connector.
/// </summary>
public sealed class PersonalChatTests
{
    private const string Channel = "19:general-lyon@thread.tacv2";
    private const string Team = "19:team-lyon@thread.tacv2";

    // Approvers of INSA Lyon in the seed; neither of them writes to the bot in these tests.
    private static readonly TestUser Helene = new("29:helene", "Hélène Dechelette", "helene.dechelette@insa-lyon.fr", 4);
    private static readonly TestUser Eloise = new("29:eloise", "Eloise Joyeux", "eloise.joyeux@insa-lyon.fr", 2);

    [Fact]
    public async Task An_approver_who_never_wrote_gets_the_card_in_a_chat_opened_through_a_team_and_approves_from_it()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Roles:ApproverEmails:0"] = Helene.Email });
        await host.InstallInChannelAsync(Channel, Team);
        var aadObjectId = host.Teams.AddToRoster(Channel, Helene);

        var ticketId = await OpenWithApprovalAsync(host, "Accès Moodle pour la promo 2027");

        // Looked up by her iTop email in the team's roster, then a 1:1 chat created as Teams wants it.
        Assert.Contains((Channel, Helene.Email), host.Teams.MemberLookups);
        var create = host.Teams.Sent.Single(s => s.Method == "CREATE" && s.ConversationId == Helene.ConversationId);
        Assert.False(create.Body["isGroup"]!.GetValue<bool>());
        Assert.Equal(TeamsActivity.BotId, create.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(Helene.TeamsId, Assert.Single(create.Body["members"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", create.Body["tenantId"]!.GetValue<string>());
        Assert.Equal("tenant-1", create.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());

        var card = ApprovalCardIn(host, Helene);
        Assert.Contains(Helene.TeamsId, CardJson.RefreshUserIds(card.Card!)!.Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("has no personal chat", StringComparison.Ordinal));

        // The chat is kept, linked to her iTop person: no locale known, so French.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var chat = await scope.ServiceProvider.GetRequiredService<ConversationReferenceStore>().GetPersonalByPersonIdAsync(Helene.PersonId!.Value, CancellationToken.None);
            Assert.NotNull(chat);
            Assert.Equal(Helene.ConversationId, chat.ConversationId);
            Assert.Equal(ConversationReference.Personal, chat.Scope);
            Assert.Equal(Helene.TeamsId, chat.UserId);
            Assert.Equal(aadObjectId, chat.UserAadObjectId);
            Assert.Equal("tenant-1", chat.TenantId);
            Assert.Equal(host.Teams.BaseAddress.ToString(), chat.ServiceUrl);
            Assert.Null(chat.Locale);
        }

        var approved = await host.ClickAsync(Helene, card, card.Card!, CardVerbs.Approve,
            new Dictionary<string, string> { [CardInputIds.ApproveComment] = "D'accord." });
        Assert.Contains("Approuvé par Hélène Dechelette", approved.CardText);
        Assert.Equal("approved", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        // Next time the chat is a direct hit: no roster call.
        var lookups = host.Teams.MemberLookups.Count(l => l.MemberId == Helene.Email);
        var before = host.Teams.Sent.Count;
        await OpenWithApprovalAsync(host, "Accès Moodle pour la promo 2028");
        Assert.Contains(host.Teams.Sent.Skip(before), s => s.Method == "POST" && s.ConversationId == Helene.ConversationId && s.Card is not null);
        Assert.Equal(lookups, host.Teams.MemberLookups.Count(l => l.MemberId == Helene.Email));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task An_approver_who_only_installed_the_app_gets_the_card_in_that_chat_without_any_team()
    {
        // The app added by Hélène (or pushed by an admin) in her personal scope: Teams sends the installationUpdate, she
        // types nothing, and the bot is in no team where she could be looked up.
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Roles:ApproverEmails:0"] = Helene.Email });
        host.Teams.AddMember(Helene.TeamsId, Helene.Name, Helene.Email);
        await host.InstallInPersonalChatAsync(Helene, "en-US");

        var ticketId = await OpenWithApprovalAsync(host, "Accès Moodle pour la promo 2029");

        var card = ApprovalCardIn(host, Helene);
        Assert.Contains("Approval requested", card.CardText); // the language of her Teams, known from the install
        Assert.Contains(Helene.TeamsId, CardJson.RefreshUserIds(card.Card!)!.Select(n => n!.GetValue<string>()));
        Assert.DoesNotContain(host.Teams.Sent, s => s.Method == "CREATE");
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("has no personal chat", StringComparison.Ordinal));

        var approved = await host.ClickAsync(Helene, card, card.Card!, CardVerbs.Approve, locale: "en-US");
        Assert.Contains("Approved by Hélène Dechelette", approved.CardText);
        Assert.Equal("approved", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task A_person_in_no_known_team_is_remembered_as_unreachable_for_the_configured_time()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Roles:ApproverEmails:0"] = Helene.Email,
                ["Roles:ApproverEmails:1"] = Eloise.Email,
                ["Identity:PersonalChatMissDuration"] = "01:00:00",
            },
            services => services.AddSingleton<TimeProvider>(clock));
        await host.InstallInChannelAsync(Channel, Team);
        host.Teams.AddToRoster(Channel, Helene);
        host.Teams.AddMember(Eloise.TeamsId, Eloise.Name, Eloise.Email); // a Teams user, but in no team of the bot
        int EloiseLookups() => host.Teams.MemberLookups.Count(l => l.MemberId == Eloise.Email);
        int NotFoundLogs() => host.Logs.Lines.Count(l => l.Contains("Person 2 has no personal chat", StringComparison.Ordinal));

        var first = await OpenWithApprovalAsync(host, "Salle Moodle A");
        Assert.True(EloiseLookups() == 1, Explain(host, EloiseLookups()));
        Assert.True(NotFoundLogs() == 1, Explain(host, NotFoundLogs()));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Approver 2 of ticket " + first.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Within the window: no roster call, nothing logged again by the finder; Hélène still gets her card.
        clock.Advance(TimeSpan.FromMinutes(30));
        var before = host.Teams.Sent.Count;
        await OpenWithApprovalAsync(host, "Salle Moodle B");
        Assert.Contains(host.Teams.Sent.Skip(before), s => s.Method == "POST" && s.ConversationId == Helene.ConversationId && s.Card is not null);
        Assert.True(EloiseLookups() == 1, Explain(host, EloiseLookups()));
        Assert.True(NotFoundLogs() == 1, Explain(host, NotFoundLogs()));

        // After it: looked for again.
        clock.Advance(TimeSpan.FromMinutes(31));
        await OpenWithApprovalAsync(host, "Salle Moodle C");
        Assert.True(EloiseLookups() == 2, Explain(host, EloiseLookups()));
        Assert.True(NotFoundLogs() == 2, Explain(host, NotFoundLogs()));
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == Eloise.ConversationId);
    }

    [Fact]
    public async Task An_approver_unreachable_when_asked_gets_the_reminder_once_Teams_offers_a_chat()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Roles:ApproverEmails:0"] = Helene.Email,
                ["Identity:PersonalChatMissDuration"] = "01:00:00",
                ["Approvals:ReminderDelay"] = "02:00:00",
                ["Approvals:ReminderScanInterval"] = "00:10:00",
            },
            services => services.AddSingleton<TimeProvider>(clock));
        await host.InstallInChannelAsync(Channel, Team);
        var ticketId = await OpenWithApprovalAsync(host, "Salle Moodle R");
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == Helene.ConversationId);

        // She joins the team later; the miss is forgotten after an hour, the reminder is due after two.
        host.Teams.AddToRoster(Channel, Helene);
        clock.Advance(TimeSpan.FromMinutes(130));
        var reminder = await host.Teams.WaitForAsync(s => s.ConversationId == Helene.ConversationId && s.CardText.Contains("Rappel", StringComparison.Ordinal));
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(reminder.Card!));
        Assert.Contains(Helene.TeamsId, CardJson.RefreshUserIds(reminder.Card!)!.Select(n => n!.GetValue<string>()));

        // She may click before the reminder has saved where her card is: that bookkeeping does not make her card out of date.
        var approved = await host.ClickAsync(Helene, reminder, reminder.Card!, CardVerbs.Approve);
        Assert.Contains("Approuvé par Hélène Dechelette", approved.CardText);
        Assert.Equal("approved", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        // And the round then knows where her card is, so that a later change updates it in place.
        await host.Logs.WaitForAsync($"Ticket {ticketId}: approval reminder sent");
        await using var scope = host.Services.CreateAsyncScope();
        var round = await scope.ServiceProvider.GetRequiredService<ChatOpsBot.Bot.Approvals.ApprovalStore>().GetAsync(ticketId, CancellationToken.None);
        Assert.Equal(reminder.Id, Assert.Single(round!.Record.Approvers).ActivityId);
    }

    [Fact]
    public async Task A_Connector_failure_is_not_remembered_as_unreachable()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Roles:ApproverEmails:0"] = Helene.Email });
        await host.InstallInChannelAsync(Channel, Team);
        host.Teams.AddToRoster(Channel, Helene);
        host.Teams.FailNextMemberLookups(1);

        await OpenWithApprovalAsync(host, "Salle Moodle D");
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == Helene.ConversationId);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Looking for person 4 in " + Channel + " failed", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Person 4 has no personal chat", StringComparison.Ordinal));

        // The next request looks again, and finds her.
        await OpenWithApprovalAsync(host, "Salle Moodle E");
        Assert.Equal(2, host.Teams.MemberLookups.Count(l => l.MemberId == Helene.Email));
        Assert.NotNull(ApprovalCardIn(host, Helene));
    }

    [Fact]
    public async Task An_agent_assigned_from_a_card_who_never_wrote_gets_the_assignment_in_a_new_chat()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.SubscribeAsync("OpenMoodle", user: TestUsers.Nathalie);
        // Hugues's Teams address is not in iTop (his Person has no email): pinned by Identity:People, found by it.
        host.Teams.AddToRoster(NotificationTestHost.ChannelId, TestUsers.Hugues);
        await host.WaitForCursorAsync();

        var before = host.Teams.Sent.Count;
        var (id, reference) = await host.ConsoleCreateTicketAsync("Quota Moodle dépassé");
        await host.Teams.WaitForAsync(s => s.ConversationId == NotificationTestHost.ChannelId && s.CardText.Contains(reference, StringComparison.Ordinal), before);

        // The group desk assigns Hugues from the ticket card.
        before = host.Teams.Sent.Count;
        await host.PostAsync(host.PersonalMessage(TestUsers.Nathalie, "/ticket " + id.ToString(CultureInfo.InvariantCulture)));
        var message = await host.Teams.WaitForCardAsync(before, TestUsers.Nathalie.ConversationId);
        var pick = With(CardJson.FindActionData(message.Card!, CardVerbs.AssignPickTeam)!, (CardInputIds.AssignTeam, "19"));
        var picked = await host.InvokeAsync(TestUsers.Nathalie, message.Id, CardVerbs.AssignPickTeam, pick, 0);
        var assign = With(CardJson.FindActionData(picked["value"], CardVerbs.Assign)!,
            (CardInputIds.AssignTeam, "19"), (CardInputIds.AssignAgent, "5"), (CardInputIds.AssignTicketType, "service_request"));
        await host.InvokeAsync(TestUsers.Nathalie, message.Id, CardVerbs.Assign, assign, 0);

        var personal = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hugues.ConversationId && s.Text is not null, before);
        Assert.Equal("Le ticket " + reference + " « Quota Moodle dépassé » vous est assigné.", personal.Text);
        Assert.Contains((NotificationTestHost.ChannelId, TestUsers.Hugues.Email), host.Teams.MemberLookups);
        var create = host.Teams.Sent.Single(s => s.Method == "CREATE" && s.ConversationId == TestUsers.Hugues.ConversationId);
        Assert.Equal("tenant-1", create.Body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
    }

    private static async Task<int> OpenWithApprovalAsync(BotTestHost host, string title)
    {
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + title);
        var inputs = SeedTicket.FormInputs(title);
        inputs[CardInputIds.NeedsApproval] = "true";
        var created = await SeedTicket.CreateAsync(host, TestUsers.LyonSupport, form, form.Card!, inputs);
        Assert.True(created.Card["refresh"] is not null, created.CardText);
        var ticketId = int.Parse(created.Card["refresh"]!["action"]!["data"]!["ticketId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        return ticketId;
    }

    /// <summary>What the bot logged and called, for a count that differs from the expected one.</summary>
    private static string Explain(BotTestHost host, int count) =>
        $"count {count}; lookups: {string.Join(", ", host.Teams.MemberLookups.Select(l => l.MemberId))}\n{string.Join("\n", host.Logs.Lines)}";

    private static SentActivity ApprovalCardIn(BotTestHost host, TestUser approver) =>
        host.Teams.Sent.Last(s => s.Method == "POST" && s.ConversationId == approver.ConversationId && s.Card is not null
            && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));

    private static JsonObject With(JsonObject data, params (string Key, string Value)[] inputs)
    {
        var merged = data.DeepClone().AsObject();
        foreach (var (key, value) in inputs)
        {
            merged[key] = value;
        }

        return merged;
    }
}
