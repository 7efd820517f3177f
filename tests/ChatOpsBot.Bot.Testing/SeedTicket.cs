using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Testing;

/// <summary>The seed's example request (Jean Dupont's right to create Moodle courses, from the INSA Lyon support) and how a test opens it through the bot.</summary>
public static class SeedTicket
{
    public const string Title = "Droit de création de cours Moodle pour Jean Dupont";
    public const string JeanWords = "Bonjour, je voudrais pouvoir créer mon cours de thermodynamique sur Moodle.";
    public const string SchoolReference = "LYON-2024-117";

    /// <summary>Steps 1 of the scenario: /ticket with words → cascade → submit. Returns the ticket id and the creation answer.</summary>
    public static async Task<(int TicketId, InvokeResult Created)> OpenTicketAsync(BotTestHost host, string title = Title)
    {
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + title);
        Assert.Equal("2", CardJson.InputValue(form.Card!, CardInputIds.Brique));
        Assert.Equal(title, CardJson.InputValue(form.Card!, CardInputIds.Title));
        Assert.Contains("Jean Dupont", CardJson.Choices(form.Card!, CardInputIds.OnBehalfOf).Values);

        var refreshed = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.RefreshForm, new Dictionary<string, string>
        {
            [CardInputIds.Brique] = "2",
            [CardInputIds.Service] = "4",
            [CardInputIds.Title] = title,
            [CardInputIds.SchoolReference] = SchoolReference,
        });
        Assert.Contains("Droit de création de cours", CardJson.Choices(refreshed.Card, CardInputIds.SubService).Values);
        Assert.Equal("4", CardJson.InputValue(refreshed.Card, CardInputIds.Service));
        Assert.Equal(SchoolReference, CardJson.InputValue(refreshed.Card, CardInputIds.SchoolReference));

        var created = await CreateAsync(host, TestUsers.LyonSupport, form, refreshed.Card, FormInputs(title));
        var data = CardJson.FindActionData(created.Card, CardVerbs.Refresh) ?? created.Card["refresh"]!["action"]!["data"]!.AsObject();
        var ticketId = int.Parse(data["ticketId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(form.Id, created.SharedUpdate?.TargetActivityId);
        return (ticketId, created);
    }

    /// <summary>Clicks "Créer le ticket"; when open tickets look like it (the duplicate hint), "Créer quand même".</summary>
    public static async Task<InvokeResult> CreateAsync(BotTestHost host, TestUser user, SentActivity form, System.Text.Json.Nodes.JsonObject card, IDictionary<string, string> inputs, string locale = "fr-FR")
    {
        var answer = await host.ClickAsync(user, form, card, CardVerbs.OpenTicket, inputs, locale);
        return CardJson.FindActionData(answer.Card, CardVerbs.CreateAnyway) is null
            ? answer
            : await host.ClickAsync(user, form, answer.Card, CardVerbs.CreateAnyway, locale: locale);
    }

    public static Dictionary<string, string> FormInputs(string title) => new()
    {
        [CardInputIds.Brique] = "2",
        [CardInputIds.Service] = "4",
        [CardInputIds.SubService] = "8",
        [CardInputIds.Title] = title,
        [CardInputIds.Description] = "Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.",
        [CardInputIds.OnBehalfOf] = "11",
        [CardInputIds.SchoolReference] = SchoolReference,
        [CardInputIds.UserWords] = JeanWords,
        [CardInputIds.TicketType] = "service_request",
        [CardInputIds.Urgency] = "3",
        [CardInputIds.NeedsApproval] = "false",
    };
}
