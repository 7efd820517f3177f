using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Bot.Tests.Approvals;

/// <summary>Approvals end to end: /api/messages → sandbox iTop, proactive cards on the loopback connector.</summary>
public sealed class ApprovalTests
{
    private static readonly TestUser Helene = ApprovalHost.Helene;
    private static readonly TestUser Eloise = ApprovalHost.Eloise;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Approve_path_moves_the_ticket_logs_the_decision_and_tells_the_opener()
    {
        await using var host = await StartAsync();
        var (ticketId, created) = await OpenWithApprovalAsync(host);

        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("waiting_for_approval", stored["status"]!.GetValue<string>());
        Assert.Equal("4", stored["approver_id"]!.ToString());
        Assert.Contains("Attente", created.CardText, StringComparison.OrdinalIgnoreCase);

        // Proactive, in each approver's personal chat, known since they wrote to the bot: no createConversation needed
        // (PersonalChatTests covers an approver who never wrote).
        Assert.DoesNotContain(host.Teams.Sent, s => s.Method == "CREATE");
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(heleneCard.Card!));
        Assert.Contains(CardVerbs.Reject, CardJson.Verbs(heleneCard.Card!));
        Assert.Contains("Support INSA Lyon", heleneCard.CardText);
        Assert.Contains("INSA Lyon", heleneCard.CardText);
        Assert.Contains(SeedTicket.Title, heleneCard.CardText);
        // Why, as the opener wrote it, and the user's own words: iTop keeps the description in HTML, the card shows text.
        var texts = CardJson.AllText(heleneCard.Card!);
        Assert.Contains("Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.", texts);
        Assert.Contains("Propos de l'utilisateur", texts);
        Assert.Contains(SeedTicket.JeanWords, texts);
        Assert.DoesNotContain("Référence établissement", texts);
        Assert.Contains("Réf. établissement : \n" + SeedTicket.SchoolReference, texts);
        Assert.DoesNotContain("<p>", CardJson.AllText(heleneCard.Card!));
        var refreshIds = CardJson.RefreshUserIds(heleneCard.Card!)!.Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains(Helene.TeamsId, refreshIds);
        Assert.Contains(Eloise.TeamsId, refreshIds);

        var approved = await host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.Approve,
            new Dictionary<string, string> { [CardInputIds.ApproveComment] = "Accord de la direction des études." });
        Assert.Contains("Approuvé par Hélène Dechelette", approved.CardText);
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(approved.Card));

        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("approved", stored["status"]!.GetValue<string>());
        Assert.Equal("4", stored["approver_id"]!.ToString());
        var log = stored["public_log"]!.ToJsonString(Relaxed);
        Assert.Contains("Demande approuvée par Hélène Dechelette : Accord de la direction des études.", log);

        // The opener is told in the conversation where the ticket was opened; the other approver's card shows the decision.
        await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text?.Contains("approuvée", StringComparison.Ordinal) == true);
        var update = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.ConversationId == Eloise.ConversationId && s.TargetActivityId == eloiseCard.Id);
        Assert.Contains("Approuvé par Hélène Dechelette", update.CardText);
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(update.Card!));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task A_decision_updates_the_copies_and_tells_the_opener_together_not_one_after_the_other()
    {
        await using var host = await StartAsync();
        await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);

        // Teams keeps its answer to the update of Eloise's copy: the opener's message must not wait for it (the clicker's
        // invoke is answered after all of them, within Teams' invoke timeout).
        var release = host.Teams.HoldAnswer(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id);
        var click = host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.Approve);
        await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id);
        await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text?.Contains("approuvée", StringComparison.Ordinal) == true);
        Assert.False(click.IsCompleted);

        release();
        Assert.Contains("Approuvé par Hélène Dechelette", (await click).CardText);
    }

    [Fact]
    public async Task A_hand_over_tells_the_new_approver_while_the_copies_are_updated()
    {
        await using var host = await StartAsync();
        await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);

        var release = host.Teams.HoldAnswer(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id);
        var click = host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.HandOffApproval, new Dictionary<string, string>
        {
            [CardInputIds.HandOffApprover] = "2",
            [CardInputIds.HandOffComment] = "Je suis absente jusqu'au 4 : **peux-tu** décider ?",
        });
        var update = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id);
        // Issue 14: the hand-over note (written to the private log) reaches Eloise's card, as plain text, with who and when.
        var eloiseTexts = CardJson.AllText(update.Card!);
        Assert.Contains("Transmis par Hélène Dechelette le ", eloiseTexts);
        Assert.Contains("Je suis absente jusqu'au 4 : **peux-tu** décider ?", eloiseTexts);
        Assert.DoesNotContain(CardJson.MarkdownTexts(update.Card!), t => t.Contains("peux-tu", StringComparison.Ordinal));
        await host.Teams.WaitForAsync(s => s.ConversationId == Eloise.ConversationId && s.Text?.Contains("vous a transmis", StringComparison.Ordinal) == true);
        Assert.False(click.IsCompleted);
        Assert.Contains(Eloise.TeamsId, CardJson.RefreshUserIds(update.Card!)!.Select(n => n!.GetValue<string>()));

        release();
        Assert.Contains("Demande transmise à Eloise Joyeux.", (await click).CardText);
    }

    [Fact]
    public async Task Reject_needs_a_comment_then_logs_it_and_the_ticket_can_be_reopened()
    {
        await using var host = await StartAsync();
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var eloiseCard = ApprovalCardIn(host, Eloise);

        var missing = await host.ClickAsync(Eloise, eloiseCard, eloiseCard.Card!, CardVerbs.Reject, locale: "en-US");
        Assert.Contains(CardVerbs.Reject, CardJson.Verbs(missing.Card));
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        var rejected = await host.ClickAsync(Eloise, eloiseCard, eloiseCard.Card!, CardVerbs.Reject,
            new Dictionary<string, string> { [CardInputIds.RejectComment] = "Pas de budget cette année." }, locale: "en-US");
        Assert.Contains("Rejected by Eloise Joyeux", rejected.CardText);
        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("rejected", stored["status"]!.GetValue<string>());
        Assert.Contains("Demande refusée par Eloise Joyeux : Pas de budget cette année.", stored["public_log"]!.ToJsonString(Relaxed));
        await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.LyonSupport.ConversationId && s.Text?.Contains("refusée", StringComparison.Ordinal) == true);

        // Rejected → ev_reopen → new, from the ticket card of the school's support.
        var lyon = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + ticketId);
        Assert.Contains(CardVerbs.Reopen, CardJson.Verbs(lyon.Card!));
        // Reopen asks why, like a hold: without a reason nothing is written and the form says so.
        var noReason = await host.ClickAsync(TestUsers.LyonSupport, lyon, lyon.Card!, CardVerbs.Reopen);
        Assert.Contains("Ce champ est obligatoire", noReason.CardText, StringComparison.Ordinal);
        Assert.Equal("rejected", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        var reopened = await host.ClickAsync(TestUsers.LyonSupport, lyon, lyon.Card!, CardVerbs.Reopen,
            new Dictionary<string, string> { [CardInputIds.ReopenReason] = "Le budget est trouvé." });
        Assert.Equal("new", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        Assert.DoesNotContain(CardVerbs.HandToApprover, CardJson.Verbs(reopened.Card));

        // The group desk sends the reopened request for approval again: a new round, a new card for the approvers.
        var before = host.Teams.Sent.Count;
        var desk = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        Assert.Contains(CardVerbs.HandToApprover, CardJson.Verbs(desk.Card!));
        var sent = await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.HandToApprover);
        Assert.DoesNotContain(CardVerbs.HandToApprover, CardJson.Verbs(sent.Card));
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("waiting_for_approval", stored["status"]!.GetValue<string>());
        Assert.Equal("4", stored["approver_id"]!.ToString());
        var second = await host.Teams.WaitForAsync(s => s.Method == "POST" && s.ConversationId == Helene.ConversationId && s.Card is not null
            && CardJson.Verbs(s.Card).Contains(CardVerbs.Approve), before);
        await host.ClickAsync(Helene, second, second.Card!, CardVerbs.Approve);
        Assert.Equal("approved", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task A_configured_service_rule_asks_for_approval_and_the_channel_gets_the_status_card()
    {
        const string channel = "19:approbateurs@thread.tacv2";
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Approvals:Services:0"] = "droits moodle",
            ["Approvals:ChannelConversationId"] = channel,
        }, channelUrl: true);
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + SeedTicket.Title);
        var created = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, SeedTicket.FormInputs(SeedTicket.Title));
        var ticketId = int.Parse(created.Card["refresh"]!["action"]!["data"]!["ticketId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        var posted = await host.Teams.WaitForAsync(s => s.Method == "POST" && s.ConversationId == channel && s.Card is not null);
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(posted.Card!));
        Assert.Contains(Helene.TeamsId, CardJson.RefreshUserIds(posted.Card!)!.Select(n => n!.GetValue<string>()));

        // The approver's client refreshes the channel card: the buttons are theirs only.
        var refreshData = posted.Card!["refresh"]!["action"]!["data"]!.AsObject();
        var mine = await host.InvokeAsync(Helene, posted.Id, CardVerbs.Refresh, refreshData.DeepClone().AsObject());
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(mine.Card));
        var other = await host.InvokeAsync(TestUsers.LyonSupport, posted.Id, CardVerbs.Refresh, refreshData.DeepClone().AsObject());
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(other.Card));

        await host.ClickAsync(Helene, posted, mine.Card, CardVerbs.Approve);
        var update = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.ConversationId == channel && s.TargetActivityId == posted.Id);
        Assert.Contains("Approuvé par Hélène Dechelette", update.CardText);
        Assert.Contains("Demande approuvée par Hélène Dechelette.", (await host.Itop.GetTicketAsync(ticketId))["public_log"]!.ToJsonString(Relaxed));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task Two_approvers_clicking_together_make_one_decision()
    {
        await using var host = await StartAsync();
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);

        var results = await Task.WhenAll(
            host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.Approve, new Dictionary<string, string> { [CardInputIds.ApproveComment] = "oui (H)" }),
            host.ClickAsync(Eloise, eloiseCard, eloiseCard.Card!, CardVerbs.Approve, new Dictionary<string, string> { [CardInputIds.ApproveComment] = "oui (E)" }));

        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("approved", stored["status"]!.GetValue<string>());
        var log = stored["public_log"]!.ToJsonString(Relaxed);
        var entries = stored["public_log"]!["entries"]!.AsArray();
        Assert.Single(entries, e => e!["message"]!.GetValue<string>().Contains("Demande approuvée par", StringComparison.Ordinal));
        var winner = log.Contains("oui (H)", StringComparison.Ordinal) ? "Hélène Dechelette" : "Eloise Joyeux";
        Assert.All(results, r => Assert.Contains("Approuvé par " + winner, r.CardText));
        Assert.All(results, r => Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(r.Card)));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task A_non_approver_and_tampered_payloads_are_refused_and_nothing_is_written()
    {
        await using var host = await StartAsync();
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var data = CardJson.FindActionData(heleneCard.Card!, CardVerbs.Approve)!;

        // The opener is not an approver: the card comes back with no buttons and a notice.
        var lyon = await host.InvokeAsync(TestUsers.LyonSupport, heleneCard.Id, CardVerbs.Approve, data.DeepClone().AsObject());
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(lyon.Card));
        Assert.Contains("pas", lyon.CardText, StringComparison.OrdinalIgnoreCase);

        // An approver of another school (Richter, Strasbourg) listed as approver is refused too.
        // Tampered: another ticket, no scope, a forged stamp.
        var otherTicket = data.DeepClone().AsObject();
        otherTicket["ticketId"] = (ticketId + 1000).ToString(CultureInfo.InvariantCulture);
        Assert.NotNull((await host.InvokeAsync(Helene, heleneCard.Id, CardVerbs.Approve, otherTicket)).Message);
        var noScope = data.DeepClone().AsObject();
        noScope.Remove("scope");
        Assert.NotNull((await host.InvokeAsync(Helene, heleneCard.Id, CardVerbs.Approve, noScope)).Message);
        var forged = data.DeepClone().AsObject();
        forged["stamp"] = "0-waiting_for_approval-0-0-0-0";
        var stale = await host.InvokeAsync(Helene, heleneCard.Id, CardVerbs.Approve, forged);
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(stale.Card));

        var richter = await host.InvokeAsync(TestUsers.Richter, heleneCard.Id, CardVerbs.Approve, data.DeepClone().AsObject());
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(richter.Card));

        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("waiting_for_approval", stored["status"]!.GetValue<string>());
        Assert.DoesNotContain("Demande approuvée", stored["public_log"]!.ToJsonString(Relaxed));
    }

    [Fact]
    public async Task A_reminder_is_sent_once_after_the_configured_delay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(
            new Dictionary<string, string?> { ["Approvals:ReminderDelay"] = "02:00:00", ["Approvals:ReminderScanInterval"] = "00:10:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());

        bool IsReminder(SentActivity s) => s.ConversationId == Helene.ConversationId && s.CardText.Contains("Rappel", StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(60));
        await Task.Yield();
        Assert.DoesNotContain(host.Teams.Sent, IsReminder);

        clock.Advance(TimeSpan.FromMinutes(70));
        var reminder = await host.Teams.WaitForAsync(IsReminder);
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(reminder.Card!));
        await host.Teams.WaitForAsync(s => s.ConversationId == Eloise.ConversationId && s.CardText.Contains("Rappel", StringComparison.Ordinal));

        // Once only: a later scan finds nothing due.
        var count = host.Teams.Sent.Count(IsReminder);
        clock.Advance(TimeSpan.FromHours(5));
        var service = host.Services.GetServices<IHostedService>().OfType<ChatOpsBot.Bot.Approvals.ApprovalReminderService>().Single();
        Assert.Equal(0, await service.RemindDueAsync(CancellationToken.None));
        Assert.Equal(count, host.Teams.Sent.Count(IsReminder));
        Assert.Equal("waiting_for_approval", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task An_approver_hands_the_request_over_to_another_approver_of_the_school()
    {
        await using var host = await StartAsync();
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);
        Assert.Contains("Hélène Dechelette", heleneCard.CardText); // the designated approver, iTop's approver_id
        var choices = CardJson.Choices(heleneCard.Card!, CardInputIds.HandOffApprover);
        Assert.Equal(["2"], choices.Keys); // Eloise only: not the current approver, not Richter (another school)

        // Tampered targets: Richter (an approver, of Strasbourg), Jean Dupont (of Lyon, not an approver), Hélène herself.
        foreach (var target in new[] { "10", "11", "4", "abc" })
        {
            var refused = await host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.HandOffApproval,
                new Dictionary<string, string> { [CardInputIds.HandOffApprover] = target });
            Assert.Contains("Choisissez un autre approbateur", refused.CardText);
        }

        Assert.Equal("4", (await host.Itop.GetTicketAsync(ticketId))["approver_id"]!.ToString());
        var lyon = await host.InvokeAsync(TestUsers.LyonSupport, heleneCard.Id, CardVerbs.HandOffApproval,
            CardJson.FindActionData(heleneCard.Card!, CardVerbs.HandOffApproval)!.DeepClone().AsObject());
        Assert.DoesNotContain(CardVerbs.HandOffApproval, CardJson.Verbs(lyon.Card));

        var before = host.Teams.Sent.Count;
        var handed = await host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.HandOffApproval,
            new Dictionary<string, string> { [CardInputIds.HandOffApprover] = "2", [CardInputIds.HandOffComment] = "Je suis en congés jusqu'au 7." });
        Assert.Contains("Demande transmise à Eloise Joyeux.", handed.CardText);
        Assert.Contains(CardVerbs.Approve, CardJson.Verbs(handed.Card)); // Hélène remains an approver of the school

        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal(("waiting_for_approval", "2"), (stored["status"]!.GetValue<string>(), stored["approver_id"]!.ToString()));
        Assert.Contains("Demande d'approbation transmise par Hélène Dechelette à Eloise Joyeux : Je suis en congés jusqu'au 7.", stored["private_log"]!.ToJsonString(Relaxed));

        // Eloise is told in her chat, and her card (updated in place) names her as the approver.
        var told = await host.Teams.WaitForAsync(s => s.ConversationId == Eloise.ConversationId && s.Text?.Contains("vous a transmis", StringComparison.Ordinal) == true, before);
        Assert.Contains("Hélène Dechelette vous a transmis la demande d'approbation R-", told.Text);
        Assert.Contains("Je suis en congés jusqu'au 7.", told.Text);
        var update = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id, before);
        Assert.Contains("Eloise Joyeux", CardJson.AllText(update.Card!));
        Assert.Equal(["4"], CardJson.Choices(update.Card!, CardInputIds.HandOffApprover).Keys);

        var approved = await host.ClickAsync(Eloise, update, update.Card!, CardVerbs.Approve);
        Assert.Contains("Approuvé par Eloise Joyeux", approved.CardText);
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal(("approved", "2"), (stored["status"]!.GetValue<string>(), stored["approver_id"]!.ToString()));
        Assert.Single(stored["public_log"]!["entries"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("Demande approuvée par Eloise Joyeux", StringComparison.Ordinal));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task Two_hand_overs_clicked_together_make_one()
    {
        var jean = new TestUser("29:jean", "Jean Dupont", "jean.dupont@insa-lyon.fr", 11);
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Roles:ApproverEmails:3"] = jean.Email });
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);

        var results = await Task.WhenAll(
            host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.HandOffApproval, new Dictionary<string, string> { [CardInputIds.HandOffApprover] = "2" }),
            host.ClickAsync(Eloise, eloiseCard, eloiseCard.Card!, CardVerbs.HandOffApproval, new Dictionary<string, string> { [CardInputIds.HandOffApprover] = "11" }));

        var won = results.Where(r => r.CardText.Contains("Demande transmise à", StringComparison.Ordinal)).ToList();
        var winner = Assert.Single(won);
        var approver = (await host.Itop.GetTicketAsync(ticketId))["approver_id"]!.ToString();
        Assert.Equal(winner == results[0] ? "2" : "11", approver);
        var entries = (await host.Itop.GetTicketAsync(ticketId))["private_log"]!["entries"]!.AsArray();
        Assert.Single(entries, e => e!["message"]!.GetValue<string>().Contains("transmise par", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_click_while_a_hand_over_is_being_written_to_iTop_waits_for_it_and_is_refused()
    {
        // Hélène's hand-over is held on its way to iTop: Eloise's clicks wait for the ticket's write lock, then read the
        // ticket as the hand-over left it, so their card is out of date and nothing else is written.
        var jean = new TestUser("29:jean", "Jean Dupont", "jean.dupont@insa-lyon.fr", 11);
        var gate = new ItopRequestGate("\"approver_id\":");
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Roles:ApproverEmails:3"] = jean.Email }, gate.AddTo);
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var heleneCard = ApprovalCardIn(host, Helene);
        var eloiseCard = ApprovalCardIn(host, Eloise);

        gate.Arm();
        var helene = host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.HandOffApproval, new Dictionary<string, string> { [CardInputIds.HandOffApprover] = "2" });
        await gate.Held.WaitAsync(TimeSpan.FromSeconds(30));
        var eloiseHandOffClick = host.ClickAsync(Eloise, eloiseCard, eloiseCard.Card!, CardVerbs.HandOffApproval, new Dictionary<string, string> { [CardInputIds.HandOffApprover] = "11" });
        var eloiseApprovalClick = host.ClickAsync(Eloise, eloiseCard, eloiseCard.Card!, CardVerbs.Approve);
        await Task.Delay(500);
        Assert.False(eloiseHandOffClick.IsCompleted);
        Assert.False(eloiseApprovalClick.IsCompleted);
        gate.Release();
        var handed = await helene;
        var eloiseHandOff = await eloiseHandOffClick;
        var eloiseApproval = await eloiseApprovalClick;

        Assert.Contains("Demande transmise à Eloise Joyeux.", handed.CardText);
        Assert.DoesNotContain("Demande transmise", eloiseHandOff.CardText);
        Assert.Contains("n'était plus à jour", eloiseHandOff.CardText);
        Assert.DoesNotContain("Approuvé par", eloiseApproval.CardText);
        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal(("waiting_for_approval", "2"), (stored["status"]!.GetValue<string>(), stored["approver_id"]!.ToString()));
        Assert.Single(stored["private_log"]!["entries"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("transmise par", StringComparison.Ordinal));

        // Once written, the hand-over no longer holds the round: Eloise, now the approver, decides from her refreshed card.
        var update = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id);
        var approved = await host.ClickAsync(Eloise, update, update.Card!, CardVerbs.Approve);
        Assert.Contains("Approuvé par Eloise Joyeux", approved.CardText);
    }

    [Fact]
    public async Task Each_approver_reads_the_cards_in_the_language_of_their_own_Teams()
    {
        await using var host = await StartAsync();
        await host.SendForCardAsync(Eloise, "/tickets", locale: "en-US"); // Eloise's Teams speaks English
        var (ticketId, _) = await OpenWithApprovalAsync(host);
        var eloiseCard = ApprovalCardIn(host, Eloise);
        var heleneCard = ApprovalCardIn(host, Helene);
        Assert.Contains("Approval requested", eloiseCard.CardText);
        Assert.Contains("Approbation demandée", heleneCard.CardText);
        Assert.Contains("School reference: \n" + SeedTicket.SchoolReference, CardJson.AllText(eloiseCard.Card!));
        Assert.Contains("Réf. établissement : \n" + SeedTicket.SchoolReference, CardJson.AllText(heleneCard.Card!));

        // Hélène decides in French; Eloise's copy is updated in English.
        await host.ClickAsync(Helene, heleneCard, heleneCard.Card!, CardVerbs.Approve);
        var update = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == eloiseCard.Id);
        Assert.Contains("Approved by Hélène Dechelette", update.CardText);
        Assert.Equal("approved", (await host.Itop.GetTicketAsync(ticketId))["status"]!.GetValue<string>());
    }

    private static Task<BotTestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool channelUrl = false) =>
        ApprovalHost.StartAsync(settings, services, channelUrl);

    private static Task<(int TicketId, InvokeResult Created)> OpenWithApprovalAsync(BotTestHost host) => ApprovalHost.OpenWithApprovalAsync(host);

    private static SentActivity ApprovalCardIn(BotTestHost host, TestUser approver) => ApprovalHost.ApprovalCardIn(host, approver);
}
