using System.Text.Json.Nodes;
using ChatOpsBot.Cards;
using static ChatOpsBot.Notifications.Tests.ActorNamingTests;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// Issue 14: the school support who opened a ticket from Teams hears in their personal chat of each step someone else
/// makes (here in the iTop console, which names nobody): assigned, put on hold with the question, resolved with the
/// solution and Close / Reopen that work from that message, reopened, closed; once each, never of their own click.
/// </summary>
public sealed class OpenerNoticeTests
{
    private static readonly TestUser Lyon = TestUsers.LyonSupport;

    [Fact]
    public async Task The_opener_hears_of_each_step_made_by_someone_else_once_and_acts_from_the_resolved_notice()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.LinkPersonalChatAsync(TestUsers.Hamid);
        var (id, reference) = await OpenFromTeamsAsync(host, "Espace de cours promo 2027");
        bool ToLyon(SentActivity s, string text) => s.ConversationId == Lyon.ConversationId && (s.Text ?? s.CardText).Contains(text, StringComparison.Ordinal);

        // A notice is a new message; the cards Lyon already holds are refreshed in place (PUT) and tell the story too.
        bool NoticeToLyon(SentActivity s, string text) => s.Method == "POST" && ToLyon(s, text);

        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var assigned = await host.Teams.WaitForAsync(s => ToLyon(s, "est assigné"), before);
        Assert.Equal("Votre ticket " + reference + " « Espace de cours promo 2027 » est assigné à Hamid Le Fleurier (Intervenants Moodle).", assigned.Text);

        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_pending", new JsonObject { ["pending_reason"] = "Quel est le nom du cours ?" });
        var pending = await host.Teams.WaitForAsync(s => ToLyon(s, "en attente"), before);
        Assert.Equal("Votre ticket " + reference + " « Espace de cours promo 2027 » est en attente, question posée : Quel est le nom du cours ?", pending.Text);

        // Taken back from hold: assigned again, told again (a new move, not a repeat).
        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject());
        await host.Teams.WaitForAsync(s => ToLyon(s, "est assigné"), before);
        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "<p>Espace créé : Promo 2027.</p>" });
        var resolved = await host.Teams.WaitForAsync(s => ToLyon(s, "est résolu"), before);
        Assert.Contains("Espace créé : Promo 2027.", resolved.CardText, StringComparison.Ordinal);
        Assert.Equal([CardVerbs.Close, CardVerbs.Reopen], CardJson.Verbs(resolved.Card!).Where(v => v is CardVerbs.Reopen or CardVerbs.Close).Distinct().Order());

        // Reopened from the notice itself: Hamid hears it is back; Lyon is not told of their own click.
        await host.NextSecondAsync();
        before = host.Teams.Sent.Count;
        var reopened = await ClickAsync(host, Lyon, resolved, CardVerbs.Reopen, new() { [CardInputIds.ReopenReason] = "Le cours n'apparaît pas." });
        await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Hamid.ConversationId && s.Text?.Contains("vous revient", StringComparison.Ordinal) == true, before);

        // Resolved and closed in the console: the closing by someone else is told too.
        await host.NextSecondAsync();
        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Cours rattaché." });
        var again = await host.Teams.WaitForAsync(s => ToLyon(s, "est résolu") && s.CardText.Contains("Cours rattaché.", StringComparison.Ordinal), before);
        await host.NextSecondAsync();
        await host.ConsoleStimulusAsync(id, "ev_close", new JsonObject());
        var closed = await host.Teams.WaitForAsync(s => ToLyon(s, "est clôturé"), before);
        Assert.Equal("Votre ticket " + reference + " « Espace de cours promo 2027 » est clôturé.", closed.Text);

        // A later change, once everything above is delivered: each notice went out once, and none for Lyon's own reopening.
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "Fin." });
        await Task.Delay(1500);
        Assert.Equal(2, host.Teams.Sent.Count(s => NoticeToLyon(s, "est assigné")));
        Assert.Single(host.Teams.Sent, s => NoticeToLyon(s, "est en attente, question posée"));
        Assert.Single(host.Teams.Sent, s => NoticeToLyon(s, "Espace créé"));
        Assert.Single(host.Teams.Sent, s => NoticeToLyon(s, "Cours rattaché."));
        Assert.Single(host.Teams.Sent, s => NoticeToLyon(s, "est clôturé"));
        Assert.DoesNotContain(host.Teams.Sent, s => NoticeToLyon(s, "est rouvert"));
        Assert.NotNull(reopened.Card);
        Assert.NotNull(again.Card);
    }

    [Fact]
    public async Task Close_from_the_resolved_notice_closes_the_ticket_and_the_opener_is_not_told_of_their_own_click()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.WaitForCursorAsync();
        var (id, _) = await OpenFromTeamsAsync(host, "Quota de stockage Moodle");
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Quota relevé." });
        var resolved = await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.CardText.Contains("Quota relevé.", StringComparison.Ordinal), before);

        await host.NextSecondAsync();
        await ClickAsync(host, Lyon, resolved, CardVerbs.Close, []);
        using var itop = new ItopReader(host.Sandbox);
        var ticket = Assert.Single(await itop.FindTicketsAsync("SELECT UserRequest WHERE id = " + id));
        Assert.Equal("closed", ticket["status"]!.GetValue<string>());
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "Après." });
        await Task.Delay(1500);
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == Lyon.ConversationId && s.Text?.Contains("clôturé", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_resolved_notice_still_closes_after_a_comment_but_not_after_a_new_resolution()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.WaitForCursorAsync();
        var (id, _) = await OpenFromTeamsAsync(host, "Accès aux archives Moodle");
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Archives ouvertes." });
        var first = await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.CardText.Contains("Archives ouvertes.", StringComparison.Ordinal), before);

        // The agent's word just after the resolution: the notice's Close still decides on the same resolution.
        await host.NextSecondAsync();
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "N'hésitez pas à revenir vers nous." });
        await host.NextSecondAsync();
        before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_reopen", new JsonObject());
        await host.NextSecondAsync();
        await host.ConsoleStimulusAsync(id, "ev_resolve", new JsonObject { ["solution"] = "Archives ouvertes, droits recopiés." });
        var second = await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.CardText.Contains("droits recopiés", StringComparison.Ordinal), before);

        // The first notice speaks of a resolution that is not the ticket's any more: refused, nothing written.
        var late = new InvokeResult(await host.InvokeAsync(Lyon, first.Id, CardVerbs.Close, CardJson.FindActionData(first.Card!, CardVerbs.Close)!.DeepClone().AsObject(), 0), []);
        Assert.Contains("n'était plus à jour", late.CardText, StringComparison.Ordinal);
        using var itop = new ItopReader(host.Sandbox);
        Assert.Equal("resolved", Assert.Single(await itop.FindTicketsAsync("SELECT UserRequest WHERE id = " + id))["status"]!.GetValue<string>());

        // The second one closes, although the agent commented after it.
        await host.NextSecondAsync();
        await host.ConsoleUpdateAsync(id, new JsonObject { ["public_log"] = "Bonne journée." });
        await host.NextSecondAsync();
        await ClickAsync(host, Lyon, second, CardVerbs.Close, []);
        Assert.Equal("closed", Assert.Single(await itop.FindTicketsAsync("SELECT UserRequest WHERE id = " + id))["status"]!.GetValue<string>());
    }

    /// <summary>
    /// Issue 14: a resolution is good news (the banner in the resolved status's colour, not a warning) and the card reads
    /// the solution once, under its heading; the banner says who resolved it and what to do. In the reader's language.
    /// </summary>
    [Theory]
    [InlineData("fr-FR", "Votre ticket {0} « Quota de stockage Moodle » est résolu — par Hamid Le Fleurier\n\nSa solution est ci-dessous : clôturez-le si elle vous convient, sinon rouvrez-le en disant pourquoi.", "Solution")]
    [InlineData("en-US", "Your ticket {0} “Quota de stockage Moodle” is resolved — by Hamid Le Fleurier\n\nIts solution is below: close it if it suits you, otherwise reopen it saying why.", "Solution")]
    public async Task The_resolved_notice_is_good_news_and_reads_the_solution_once(string locale, string banner, string heading)
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.WaitForCursorAsync();
        var (id, reference) = await OpenFromTeamsAsync(host, "Quota de stockage Moodle");
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var speaks = host.PersonalMessage(Lyon, "/tickets");
        speaks["locale"] = locale;
        await host.PostAsync(speaks);
        await host.WaitForReferenceAsync(Lyon.ConversationId, r => r?.Locale == locale);

        // Resolved from Teams by Hamid (his click names him), the solution on several lines.
        var hamid = await CardAsync(host, TestUsers.Hamid, "/ticket " + id);
        await host.NextSecondAsync();
        var before = host.Teams.Sent.Count;
        await ClickAsync(host, TestUsers.Hamid, hamid, CardVerbs.Resolve, new() { [CardInputIds.ResolveSolution] = "Quota relevé à 5 Go.\nVérifiez dans Moodle." });
        var resolved = await host.Teams.WaitForAsync(s => s.Method == "POST" && s.ConversationId == Lyon.ConversationId && s.Card is not null && s.CardText.Contains("Quota relevé", StringComparison.Ordinal), before);

        var top = resolved.Card!["body"]![0]!.AsObject();
        Assert.Equal("good", top["style"]?.GetValue<string>());
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, banner, reference), top["items"]![0]!["text"]!.GetValue<string>());
        var text = CardJson.AllText(resolved.Card!);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Quota relevé à 5 Go"));
        Assert.Contains(heading + "\nQuota relevé à 5 Go.\nVérifiez dans Moodle.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_mutes_a_kind_of_notice_with_the_card_and_gets_the_others()
    {
        await using var host = await NotificationTestHost.StartAsync();
        await host.WaitForCursorAsync();
        var card = await CardAsync(host, Lyon, "/ticket notifications");
        Assert.Contains("Mes tickets : assignés", card.CardText, StringComparison.Ordinal);
        var saved = await ClickAsync(host, Lyon, card, CardVerbs.SaveNotices, new() { [CardInputIds.NoticePrefix + "MineAssigned"] = "false", [CardInputIds.NoticePrefix + "MinePending"] = "true" });
        Assert.Contains("Vos notifications sont enregistrées.", saved.CardText, StringComparison.Ordinal);
        Assert.Equal("false", ToggleValue(saved.Card!, "MineAssigned"));
        Assert.Equal("true", ToggleValue(saved.Card!, "MineResolved"));

        // Shown again: the choice was kept.
        var shown = await CardAsync(host, Lyon, "/ticket notifications");
        Assert.Equal("false", ToggleValue(shown.Card!, "MineAssigned"));
        Assert.Equal("true", ToggleValue(shown.Card!, "MinePending"));

        var (id, reference) = await OpenFromTeamsAsync(host, "Inscription cohorte");
        await host.ConsoleStimulusAsync(id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var before = host.Teams.Sent.Count;
        await host.ConsoleStimulusAsync(id, "ev_pending", new JsonObject { ["pending_reason"] = "Quelle cohorte ?" });
        await host.Teams.WaitForAsync(s => s.ConversationId == Lyon.ConversationId && s.Text?.Contains("Quelle cohorte ?", StringComparison.Ordinal) == true, before);
        Assert.DoesNotContain(host.Teams.Sent, s => s.ConversationId == Lyon.ConversationId && s.Text?.Contains(reference + " « Inscription cohorte » est assigné", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_command_asked_in_a_channel_points_to_the_personal_chat_in_the_readers_language()
    {
        await using var host = await NotificationTestHost.StartAsync();
        var before = host.Teams.Sent.Count;
        await host.PostAsync(host.ChannelMessage("/ticket notifications"));
        var answer = await host.Teams.WaitForAsync(s => s.ConversationId.StartsWith(NotificationTestHost.ChannelId, StringComparison.Ordinal) && s.Text is not null, before);
        Assert.Contains("conversation privée", answer.Text, StringComparison.Ordinal);
    }

    private static string? ToggleValue(JsonObject card, string kind) =>
        card["body"]!.AsArray().OfType<JsonObject>()
            .Single(e => e["type"]?.GetValue<string>() == "Input.Toggle" && e["id"]?.GetValue<string>() == CardInputIds.NoticePrefix + kind)["value"]?.GetValue<string>();

    /// <summary>Lyon's support opens a ticket with the form (for Jean Dupont: iTop's caller is not the opener).</summary>
    internal static async Task<(int Id, string Ref)> OpenFromTeamsAsync(NotificationTestHost host, string title)
    {
        var formAt = host.Teams.Sent.Count;
        await host.PostAsync(host.PersonalMessage(Lyon, "/ticket " + title));
        var form = await host.Teams.WaitForCardAsync(formAt, Lyon.ConversationId);
        var data = CardJson.FindActionData(form.Card!, CardVerbs.OpenTicket)!.DeepClone().AsObject();
        foreach (var (key, value) in SeedTicket.FormInputs(title))
        {
            data[key] = value;
        }

        data[CardInputIds.Service] = "5";
        data[CardInputIds.SubService] = "11";
        var answer = new InvokeResult(await host.InvokeAsync(Lyon, form.Id, CardVerbs.OpenTicket, data, 0), []);
        if (CardJson.FindActionData(answer.Card, CardVerbs.CreateAnyway) is { } anyway)
        {
            answer = new InvokeResult(await host.InvokeAsync(Lyon, form.Id, CardVerbs.CreateAnyway, anyway.DeepClone().AsObject(), 0), []);
        }

        // The ticket card that replaces the form (read from the bot's answer: the same on the sandbox and on the real iTop).
        var card = answer.Card;
        var ticketData = CardJson.FindActionData(card, CardVerbs.Refresh) ?? card["refresh"]!["action"]!["data"]!.AsObject();
        var reference = System.Text.RegularExpressions.Regex.Match(card.ToJsonString(), @"R-\d{6}").Value;
        // A move made within a second of the creation's log entry would be taken for the opener's own (ActorAt's slack).
        await host.NextSecondAsync();
        await host.NextSecondAsync();
        Assert.Contains(title, card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        return (int.Parse(ticketData["ticketId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), reference);
    }
}
