using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Dialogs;

/// <summary>
/// Issue 14: the open form and the assign form need no "update the choices" round in Teams: their dependent choice sets
/// (<c>choices.data</c> = <c>Data.Query</c>, associated inputs) are answered over HTTP by the bot's <c>application/search</c>
/// invoke, from the cached catalog and teams (no iTop request), within what the asker may see.
/// </summary>
public sealed class DependentChoiceTests
{
    [Fact]
    public async Task The_forms_dependent_lists_are_answered_from_the_other_inputs_without_asking_iTop()
    {
        var log = new ItopRequestLog();
        await using var host = await BotTestHost.StartAsync(configureServices: log.AddTo);
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket droit de création de cours");
        Assert.Equal(CardDatasets.Services, ChoicesData(form.Card!, CardInputIds.Service));
        Assert.Equal(CardDatasets.SubServices, ChoicesData(form.Card!, CardInputIds.SubService));
        Assert.Contains(CardVerbs.RefreshForm, CardJson.Verbs(form.Card!));
        log.Take();

        var (status, body) = await SearchAsync(host, TestUsers.LyonSupport, CardDatasets.Services, "", new JsonObject { [CardInputIds.Brique] = "2", [CardInputIds.Title] = "x" });
        Assert.Equal(200, status);
        Assert.Equal("application/vnd.microsoft.search.searchResponse", body!["type"]!.GetValue<string>());
        // The same list the form shows for that brique (the Lyon support's school's contract).
        Assert.Equal(CardJson.Choices(form.Card!, CardInputIds.Service).Values, Titles(body));
        Assert.Contains("Droits Moodle", Titles(body));

        // What is typed filters (accents and case aside); the sub-services follow the service input.
        Assert.Equal(["Droits Moodle"], Titles((await SearchAsync(host, TestUsers.LyonSupport, CardDatasets.Services, "DROIT", new JsonObject { [CardInputIds.Brique] = "2" })).Body!));
        var subServices = (await SearchAsync(host, TestUsers.LyonSupport, CardDatasets.SubServices, "creation", new JsonObject { [CardInputIds.Brique] = "2", [CardInputIds.Service] = "4" })).Body!;
        Assert.Equal(["Droit de création de cours"], Titles(subServices));
        Assert.Equal("8", subServices["value"]!["results"]![0]!["value"]!.GetValue<string>());

        // Another brique's input gives that brique's services; a page is skip/top.
        Assert.Equal(["Gestion des comptes"], Titles((await SearchAsync(host, TestUsers.LyonSupport, CardDatasets.Services, "", new JsonObject { [CardInputIds.Brique] = "1" }, skip: 1, top: 1)).Body!));
        Assert.Empty(Titles((await SearchAsync(host, TestUsers.LyonSupport, CardDatasets.Services, "", [])).Body!));
        Assert.DoesNotContain(log.Take(), c => !c.StartsWith("core/get Person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turned_off_for_clients_without_the_invoke_the_forms_keep_their_update_buttons()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Forms:DependentChoices"] = "false" });
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket droit de création de cours");
        Assert.Null(ChoicesData(form.Card!, CardInputIds.Service));
        Assert.Null(ChoicesData(form.Card!, CardInputIds.SubService));
        Assert.Contains(CardVerbs.RefreshForm, CardJson.Verbs(form.Card!));
        var ticketId = (await SeedTicket.OpenTicketAsync(host)).TicketId;
        var desk = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        Assert.Null(ChoicesData(desk.Card!, CardInputIds.AssignAgent));
        Assert.Contains(CardVerbs.AssignPickTeam, CardJson.Verbs(desk.Card!));
    }

    [Fact]
    public async Task The_assign_forms_agents_follow_the_team_for_those_who_assign_only()
    {
        await using var host = await BotTestHost.StartAsync();
        var ticketId = (await SeedTicket.OpenTicketAsync(host)).TicketId;
        var desk = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        Assert.Equal(CardDatasets.TeamAgents, ChoicesData(desk.Card!, CardInputIds.AssignAgent));
        var agents = Titles((await SearchAsync(host, TestUsers.Nathalie, CardDatasets.TeamAgents, "", new JsonObject { [CardInputIds.AssignTeam] = "19" })).Body!);
        Assert.Equal(7, agents.Count);
        Assert.Contains("Hamid Le Fleurier", agents);
        Assert.Equal(["Richter Elric"], Titles((await SearchAsync(host, TestUsers.Nathalie, CardDatasets.TeamAgents, "richter", new JsonObject { [CardInputIds.AssignTeam] = "20" })).Body!));
        // A school support assigns nothing: no names.
        Assert.Empty(Titles((await SearchAsync(host, TestUsers.LyonSupport, CardDatasets.TeamAgents, "", new JsonObject { [CardInputIds.AssignTeam] = "19" })).Body!));
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_bad_request_in_the_users_language()
    {
        await using var host = await BotTestHost.StartAsync();
        var (status, body) = await SearchAsync(host, TestUsers.LyonSupport, "people", "", []);
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", body!["error"]!["code"]!.GetValue<string>());
        var (_, english) = await SearchAsync(host, TestUsers.LyonSupport, "people", "", [], locale: "en-US");
        Assert.NotEqual(body["error"]!["message"]!.GetValue<string>(), english!["error"]!["message"]!.GetValue<string>());
    }

    private static Task<(int Status, JsonObject? Body)> SearchAsync(BotTestHost host, TestUser user, string dataset, string text, JsonObject inputs, int skip = 0, int top = 15, string locale = "fr-FR") =>
        host.PostActivityAsync(TeamsActivity.ChoiceSearch(dataset, text, inputs, skip, top).From(user).Locale(locale).To(host.Teams.BaseAddress).Build());

    private static List<string> Titles(JsonObject body) =>
        body["value"]!["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();

    private static string? ChoicesData(JsonObject card, string inputId)
    {
        string? dataset = null;
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["id"]?.GetValue<string>() == inputId && o["choices.data"] is JsonObject query)
                    {
                        dataset ??= query["dataset"]?.GetValue<string>();
                    }

                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(card);
        return dataset;
    }
}
