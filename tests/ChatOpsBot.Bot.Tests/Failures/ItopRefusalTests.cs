using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Approvals;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOpsBot.Bot.Tests.Failures;

/// <summary>
/// Issue 11, part 3: iTop refusing the bot's account (code 1, answered by the sandbox itself to a revoked token) or down,
/// in the middle of a user's action, made to happen on purpose at the second iTop call: every entry point answers in the
/// user's language and says whom to tell; nothing is half done; a read refused once is tried again.
/// </summary>
public sealed class ItopRefusalTests
{
    private const string Contact = "compte-itop@groupe-insa.fr";

    [Theory]
    [InlineData("fr-FR", "iTop a refusé le compte du bot")]
    [InlineData("en-US", "iTop refused the bot's account")]
    public async Task A_typed_command_whose_second_iTop_call_is_refused_is_answered_with_whom_to_tell(string locale, string expected)
    {
        var faults = new ItopFaults();
        await using var host = await StartAsync(faults);
        faults.Fail(2, int.MaxValue, ItopFault.CredentialsRefused);

        var before = await host.SendAsync(TestUsers.LyonSupport, "/tickets", locale);

        var reply = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text is not null, before);
        Assert.Contains(expected, reply.Text);
        Assert.Contains(Contact, reply.Text);
        Assert.StartsWith("✗", faults.Calls[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_command_while_iTop_is_down_says_iTop_does_not_answer()
    {
        var faults = new ItopFaults();
        await using var host = await StartAsync(faults);
        faults.Fail(2, int.MaxValue, ItopFault.Unavailable);

        var before = await host.SendAsync(TestUsers.LyonSupport, "/tickets");

        var reply = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text is not null, before);
        Assert.Contains("iTop ne répond pas", reply.Text);
    }

    [Fact]
    public Task A_click_whose_second_iTop_call_is_refused_gets_an_answer_not_a_500_and_nothing_is_written() =>
        AssignRefusedThenDoneAsync(
            faults => faults.Fail(2, int.MaxValue, ItopFault.CredentialsRefused),
            calls =>
            {
                Assert.Equal("core/get UserRequest", calls[0]);
                Assert.All(calls.Skip(1), c => Assert.StartsWith("✗", c, StringComparison.Ordinal));
            });

    [Fact]
    public Task A_click_whose_write_is_refused_is_never_sent_twice_and_says_whom_to_tell() =>
        AssignRefusedThenDoneAsync(
            faults => faults.Fail(1, int.MaxValue, ItopFault.CredentialsRefused, counted: c => c.StartsWith("core/apply_stimulus", StringComparison.Ordinal)),
            calls =>
            {
                Assert.Single(calls, c => c.Contains("apply_stimulus", StringComparison.Ordinal));
                Assert.Equal("✗ core/apply_stimulus UserRequest ev_assign", calls[^1]);
            });

    [Fact]
    public async Task A_read_refused_once_is_tried_again_and_the_click_goes_through()
    {
        var faults = new ItopFaults();
        await using var host = await StartAsync(faults);
        var (ticketId, desk) = await DeskCardAsync(host);
        faults.Fail(1, 1, ItopFault.CredentialsRefused);

        var assigned = await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.Assign, AssignToHamid);

        Assert.Contains("Hamid Le Fleurier", assigned.CardText);
        Assert.Equal(["✗ core/get UserRequest", "core/get UserRequest"], faults.Calls.Take(2));
        Assert.Equal("core/apply_stimulus UserRequest ev_assign", faults.Calls[^1]);
    }

    [Fact]
    public async Task A_submitted_card_whose_iTop_call_is_refused_is_answered_by_a_message()
    {
        var faults = new ItopFaults();
        await using var host = await StartAsync(faults);
        var (ticketId, desk) = await DeskCardAsync(host);
        faults.Fail(2, int.MaxValue, ItopFault.CredentialsRefused);

        var value = CardJson.FindActionData(desk.Card!, CardVerbs.Assign)!.DeepClone().AsObject();
        foreach (var (key, input) in AssignToHamid)
        {
            value[key] = input;
        }

        var before = await host.SubmitAsync(TestUsers.Nathalie, desk.Id, value, "en-GB");
        var reply = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Nathalie.ConversationId && s.Text is not null, before);
        Assert.Contains("iTop refused the bot's account", reply.Text);
        Assert.Equal("new", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_a_ticket_that_needs_approval_says_where_it_stands_when_the_request_is_refused_and_the_background_finishes_it()
    {
        var faults = new ItopFaults();
        await using var host = await ApprovalHost.StartAsync(Settings(("Recovery:ScanInterval", "00:00:00.200"), ("Recovery:RetryDelay", "00:00:00.300")), faults.AddTo);
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + SeedTicket.Title);
        var inputs = SeedTicket.FormInputs(SeedTicket.Title);
        inputs[CardInputIds.NeedsApproval] = "true";
        // Ticket calls: the duplicate check's read, the creation, then the approval request (refused from there).
        faults.Fail(3, int.MaxValue, ItopFault.CredentialsRefused, counted: TicketCalls);

        var standing = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, inputs);

        // Created, not sent for approval: the card says so, why, whom to tell, and offers Retry.
        Assert.Equal(["core/get UserRequest", "core/create UserRequest"], faults.Calls.Where(TicketCalls).Take(2));
        var ticket = Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest"));
        var reference = ticket["ref"]!.GetValue<string>();
        Assert.Equal("new", ticket["status"]!.GetValue<string>());
        Assert.Contains(reference, standing.CardText);
        Assert.Contains("pas encore été soumis à approbation", standing.CardText);
        Assert.Contains(Contact, standing.CardText);
        Assert.NotNull(CardJson.FindActionData(standing.Card, CardVerbs.RetryCreate));
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == ApprovalHost.Helene.ConversationId && s.Card is not null && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));

        // The account is fixed: without a click, the background sends it for approval and the form becomes the ticket's card.
        faults.Lift();
        var approverCard = await host.Teams.WaitForAsync(s => s.ConversationId == ApprovalHost.Helene.ConversationId && s.Card is not null && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));
        Assert.Contains(reference, approverCard.CardText);
        var shown = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == form.Id && s.CardText.Contains("Attente", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(reference, shown.CardText);
        var stored = await host.Itop.GetTicketAsync(int.Parse(ticket["id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("waiting_for_approval", "4"), (stored["status"]!.GetValue<string>(), stored["approver_id"]!.ToString()));
        Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest"));

        // The approvers each got one card; a Retry now shows the ticket and asks nothing twice.
        var again = await host.ClickAsync(TestUsers.LyonSupport, form, standing.Card, CardVerbs.RetryCreate);
        Assert.Contains(reference, again.CardText);
        Assert.Single(host.Teams.Sent, s => s.ConversationId == ApprovalHost.Eloise.ConversationId && s.Method == "POST" && s.Card is not null && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task Retry_on_the_card_of_a_ticket_not_yet_sent_for_approval_sends_it()
    {
        var faults = new ItopFaults();
        await using var host = await ApprovalHost.StartAsync(Settings(("Recovery:RetryDelay", "01:00:00")), faults.AddTo);
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + SeedTicket.Title, "en-US");
        var inputs = SeedTicket.FormInputs(SeedTicket.Title);
        inputs[CardInputIds.NeedsApproval] = "true";
        faults.Fail(3, int.MaxValue, ItopFault.Unavailable, counted: TicketCalls); // after the duplicate check's read and the creation
        var standing = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, inputs, "en-US");
        Assert.Contains("not been sent for approval yet", standing.CardText);
        Assert.Contains("iTop does not answer", standing.CardText);

        // Still down: the same card again.
        var stillDown = await host.ClickAsync(TestUsers.LyonSupport, form, standing.Card, CardVerbs.RetryCreate, locale: "en-US");
        Assert.Contains("not been sent for approval yet", stillDown.CardText);

        faults.Lift();
        var sent = await host.ClickAsync(TestUsers.LyonSupport, form, stillDown.Card, CardVerbs.RetryCreate, locale: "en-US");
        Assert.Contains("Waiting for approval", sent.CardText, StringComparison.OrdinalIgnoreCase);
        var ticket = Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest"));
        Assert.Equal("waiting_for_approval", ticket["status"]!.GetValue<string>());
        await host.Teams.WaitForAsync(s => s.ConversationId == ApprovalHost.Helene.ConversationId && s.Card is not null && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));
    }

    [Fact]
    public async Task Send_for_approval_refused_half_way_says_where_it_stands_and_the_same_button_finishes_it()
    {
        var faults = new ItopFaults();
        await using var host = await ApprovalHost.StartAsync(Settings(("Recovery:RetryDelay", "01:00:00")), faults.AddTo);
        var (ticketId, desk) = await DeskCardAsync(host);
        faults.Fail(1, int.MaxValue, ItopFault.CredentialsRefused, counted: c => c.EndsWith("ev_wait_for_approval", StringComparison.Ordinal));

        var refused = await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.HandToApprover);

        Assert.Contains("pas encore été soumis à approbation", refused.CardText);
        Assert.Contains(Contact, refused.CardText);
        Assert.Contains(CardVerbs.HandToApprover, CardJson.Verbs(refused.Card));
        Assert.Equal("new", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        faults.Lift();
        var sent = await host.ClickAsync(TestUsers.Nathalie, desk, refused.Card, CardVerbs.HandToApprover);
        Assert.DoesNotContain(CardVerbs.HandToApprover, CardJson.Verbs(sent.Card));
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        await host.Teams.WaitForAsync(s => s.ConversationId == ApprovalHost.Helene.ConversationId && s.Card is not null && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve));
        Assert.Single(faults.Calls, c => c == "core/apply_stimulus UserRequest ev_wait_for_approval");
    }

    [Fact]
    public async Task A_decision_iTop_refuses_is_given_back_and_taken_again_once_the_account_is_fixed()
    {
        var faults = new ItopFaults();
        await using var host = await ApprovalHost.StartAsync(services: faults.AddTo);
        var (ticketId, _) = await ApprovalHost.OpenWithApprovalAsync(host);
        var card = ApprovalHost.ApprovalCardIn(host, ApprovalHost.Helene);
        faults.Fail(2, int.MaxValue, ItopFault.CredentialsRefused);

        var refused = await host.ClickAsync(ApprovalHost.Helene, card, card.Card!, CardVerbs.Approve);

        Assert.Contains("iTop a refusé le compte du bot", refused.CardText);
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(refused.Card));
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        var round = await host.Services.CreateScope().ServiceProvider.GetRequiredService<ApprovalStore>().GetAsync(ticketId, CancellationToken.None);
        Assert.True(round!.Record.IsIdle);

        faults.Lift();
        var approved = await host.ClickAsync(ApprovalHost.Helene, card, card.Card!, CardVerbs.Approve);
        Assert.Contains("Approuvé par Hélène Dechelette", approved.CardText);
        Assert.Equal("approved", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reminder_iTop_refuses_is_sent_at_the_next_scan()
    {
        var faults = new ItopFaults();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApprovalHost.StartAsync(
            Settings(("Approvals:ReminderDelay", "02:00:00"), ("Approvals:ReminderScanInterval", "1.00:00:00")),
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                faults.AddTo(services);
            });
        var (ticketId, _) = await ApprovalHost.OpenWithApprovalAsync(host);
        var reminders = host.Services.GetServices<IHostedService>().OfType<ApprovalReminderService>().Single();
        clock.Advance(TimeSpan.FromHours(3));
        faults.Fail(1, int.MaxValue, ItopFault.CredentialsRefused);

        Assert.Equal(0, await reminders.RemindDueAsync(CancellationToken.None));
        var round = await host.Services.CreateScope().ServiceProvider.GetRequiredService<ApprovalStore>().GetAsync(ticketId, CancellationToken.None);
        Assert.Null(round!.Record.RemindedAt);

        faults.Lift();
        Assert.Equal(1, await reminders.RemindDueAsync(CancellationToken.None));
        await host.Teams.WaitForAsync(s => s.ConversationId == ApprovalHost.Helene.ConversationId && s.CardText.Contains("Rappel", StringComparison.Ordinal));
    }

    private static readonly Dictionary<string, string> AssignToHamid = new()
    {
        [CardInputIds.AssignTeam] = "19",
        [CardInputIds.AssignAgent] = "3",
        [CardInputIds.AssignTicketType] = "service_request",
    };

    /// <summary>The group desk assigns a new ticket; iTop refuses as <paramref name="arm"/> says; once the account is fixed, the same card's click goes through.</summary>
    private static async Task AssignRefusedThenDoneAsync(Action<ItopFaults> arm, Action<IReadOnlyList<string>> assertCalls)
    {
        var faults = new ItopFaults();
        await using var host = await StartAsync(faults);
        var (ticketId, desk) = await DeskCardAsync(host);
        arm(faults);

        var refused = await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.Assign, AssignToHamid);

        Assert.Contains("iTop a refusé le compte du bot", refused.Message);
        Assert.Contains(Contact, refused.Message);
        assertCalls(faults.Calls);
        Assert.Equal("new", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        faults.Lift();
        var assigned = await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.Assign, AssignToHamid);
        Assert.Contains("Hamid Le Fleurier", assigned.CardText);
        Assert.Equal("assigned", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    /// <summary>A new ticket opened by the Lyon support, and its card as the group desk sees it.</summary>
    private static async Task<(int TicketId, SentActivity Desk)> DeskCardAsync(BotTestHost host)
    {
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        return (ticketId, await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId));
    }

    private static bool TicketCalls(string call) => call.Contains("UserRequest", StringComparison.Ordinal);

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] pairs)
    {
        var settings = new Dictionary<string, string?> { ["Identity:ItopAccountContact"] = Contact };
        foreach (var (key, value) in pairs)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Task<BotTestHost> StartAsync(ItopFaults faults) => BotTestHost.StartAsync(Settings(), faults.AddTo);
}
