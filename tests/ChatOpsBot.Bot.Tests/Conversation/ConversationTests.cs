using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Conversation;

/// <summary>Commands, language, the Action.Submit fallback, lists, and a bot restart in the middle of a form.</summary>
public sealed class ConversationTests
{
    [Fact]
    public async Task Help_and_unknown_input_answer_in_the_user_language_and_the_mention_is_stripped()
    {
        await using var host = await BotTestHost.StartAsync();
        var before0 = await host.SendAsync(TestUsers.Hamid, "aide");
        var french = (await host.Teams.WaitForAsync(s => s.Text is not null, before0)).Text!;
        Assert.Contains("/ticket", french);
        Assert.Contains("Voici", french);

        var before1 = await host.SendAsync(TestUsers.Hamid, "what is this?", "en-US");
        var english = (await host.Teams.WaitForAsync(s => s.Text is not null, before1)).Text!;
        Assert.Contains("what is this?", english);
        Assert.Contains("Here is what I can do", english);
        Assert.DoesNotContain("Voici", english);

        // In a channel the bot's mention is part of the text: it is removed before parsing.
        var before = host.Teams.Sent.Count;
        var activity = TeamsActivity.Message("/ticket").Mentioning().From(TestUsers.Hamid).Locale("en-US").To(host.Teams.BaseAddress).Build();
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await host.Http.PostAsync(new Uri(host.BotAddress, "api/messages"), content);
        var form = await host.Teams.WaitForCardAsync(before, TestUsers.Hamid.ConversationId);
        Assert.NotNull(CardJson.FindActionData(form.Card!, CardVerbs.OpenTicket));
    }

    [Fact]
    public async Task A_French_form_stays_French_when_clicked_from_an_English_client()
    {
        await using var host = await BotTestHost.StartAsync();
        const string title = "Création espace de cours pour la promo 2027";
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + title);
        Assert.Contains("Nouveau ticket", form.CardText);

        var refreshed = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.RefreshForm,
            new Dictionary<string, string> { [CardInputIds.Brique] = "2", [CardInputIds.Title] = title }, locale: "en-US");
        Assert.Contains("Nouveau ticket", refreshed.CardText);
        Assert.Contains("Mettre à jour les choix", refreshed.CardText);
        Assert.DoesNotContain("New ticket", refreshed.CardText);

        var invalid = await host.ClickAsync(TestUsers.LyonSupport, form, refreshed.Card, CardVerbs.OpenTicket,
            new Dictionary<string, string> { [CardInputIds.Brique] = "2", [CardInputIds.Title] = title }, locale: "en-US");
        Assert.Contains("obligatoire", invalid.CardText);
    }

    [Fact]
    public async Task A_form_survives_a_bot_restart_and_the_Submit_fallback_updates_the_message()
    {
        await using var host = await BotTestHost.StartAsync();
        const string title = "Création espace de cours pour la promo 2026";
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + title);
        var refresh = CardJson.FindActionData(form.Card!, CardVerbs.RefreshForm)!;

        await host.RestartBotAsync();

        // Action.Submit fallback: no invoke answer, the message holding the form is updated in place.
        var value = refresh.DeepClone().AsObject();
        value[CardInputIds.Brique] = "2";
        value[CardInputIds.Service] = "5";
        value[CardInputIds.Title] = title;
        var before = await host.SubmitAsync(TestUsers.LyonSupport, form.Id, value);
        var updated = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.TargetActivityId == form.Id, before);
        Assert.Contains("Création d'espace de cours", CardJson.Choices(updated.Card!, CardInputIds.SubService).Values);
        Assert.Equal(title, CardJson.InputValue(updated.Card!, CardInputIds.Title));

        // The form still works after the restart: missing fields are reported next to them, then the ticket is created.
        var invalid = await host.ClickAsync(TestUsers.LyonSupport, form, updated.Card!, CardVerbs.OpenTicket, new Dictionary<string, string>
        {
            [CardInputIds.Brique] = "2",
            [CardInputIds.Service] = "5",
            [CardInputIds.Title] = title,
        });
        Assert.Contains("obligatoire", invalid.CardText);
        Assert.Contains("personne de l'école", invalid.CardText);
        var inputs = SeedTicket.FormInputs(title);
        inputs[CardInputIds.Service] = "5";
        inputs[CardInputIds.SubService] = "11";
        var created = await host.ClickAsync(TestUsers.LyonSupport, form, invalid.Card, CardVerbs.OpenTicket, inputs);
        var ticket = Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = '" + title + "'"));
        Assert.Contains(ticket["ref"]!.GetValue<string>(), created.CardText);
        Assert.All(host.Teams.Sent, s => Assert.True(Encoding.UTF8.GetByteCount(s.Body.ToJsonString()) < CardLimits.MaxCardBytes));
    }

    [Fact]
    public async Task Lists_show_my_tickets_and_my_teams_queue()
    {
        await using var host = await BotTestHost.StartAsync();
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        var reference = (await host.Itop.GetTicketAsync(ticketId))["ref"]!.GetValue<string>();

        var mine = await host.SendForCardAsync(TestUsers.LyonSupport, "/tickets");
        Assert.Contains(reference, mine.CardText);

        var desk = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + reference);
        await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.Assign, new Dictionary<string, string>
        {
            [CardInputIds.AssignTeam] = "19",
            [CardInputIds.AssignAgent] = "3",
        });
        var queue = await host.SendForCardAsync(TestUsers.Hugues, "/tickets équipe");
        Assert.Contains(reference, queue.CardText);
        var hamid = await host.SendForCardAsync(TestUsers.Hamid, "/tickets");
        Assert.Contains(reference, hamid.CardText);
        var inEnglish = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + reference, "en-US");
        Assert.Contains("Assigned", CardJson.AllText(inEnglish.Card!));
        Assert.DoesNotContain("Affecté", CardJson.AllText(inEnglish.Card!));
        Assert.Contains(CardVerbs.Resolve, CardJson.Verbs(inEnglish.Card!));
        var richter = await host.SendForCardAsync(TestUsers.Richter, "/tickets");
        Assert.DoesNotContain(reference, richter.CardText);
    }
}
