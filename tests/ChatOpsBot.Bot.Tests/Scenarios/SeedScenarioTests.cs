using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;
using static ChatOpsBot.Bot.Testing.SeedTicket;

namespace ChatOpsBot.Bot.Tests.Scenarios;

/// <summary>The seed's example, end to end through /api/messages against the iTop sandbox.</summary>
public sealed class SeedScenarioTests
{
    [Fact]
    public async Task Lyon_support_opens_desk_assigns_Hamid_hands_over_Hugues_resolves_and_Lyon_closes()
    {
        await using var host = await BotTestHost.StartAsync();

        // 1. The INSA Lyon support opens the form; the words after /ticket pre-fill the title and guess the brique.
        var (ticketId, created) = await OpenTicketAsync(host);
        var stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("new", stored["status"]!.GetValue<string>());
        Assert.Equal("3", stored["org_id"]!.ToString());
        Assert.Equal("11", stored["caller_id"]!.ToString());
        Assert.Equal("4", stored["service_id"]!.ToString());
        Assert.Equal("8", stored["servicesubcategory_id"]!.ToString());
        Assert.Equal(Title, stored["title"]!.GetValue<string>());
        Assert.Contains(SchoolReference, stored["description"]!.GetValue<string>());
        Assert.Contains("thermodynamique", stored["description"]!.GetValue<string>());
        var reference = stored["ref"]!.GetValue<string>();
        Assert.Contains(reference, created.CardText);
        Assert.Contains("OpenMoodle › Droits Moodle › Droit de création de cours", created.CardText);
        Assert.Contains("Jean Dupont", created.CardText);
        Assert.Contains(SchoolReference, created.CardText);
        Assert.DoesNotContain(CardVerbs.Assign, CardJson.Verbs(created.Card));

        // 2. The group desk (Nathalie) shows the ticket, picks the team, then Hamid, as a service request.
        var deskMessage = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        Assert.Contains(CardVerbs.AssignPickTeam, CardJson.Verbs(deskMessage.Card!));
        var picked = await host.ClickAsync(TestUsers.Nathalie, deskMessage, deskMessage.Card!, CardVerbs.AssignPickTeam,
            new Dictionary<string, string> { [CardInputIds.AssignTeam] = "19" });
        Assert.Contains("Hamid Le Fleurier", CardJson.Choices(picked.Card, CardInputIds.AssignAgent).Values);
        var assigned = await host.ClickAsync(TestUsers.Nathalie, deskMessage, picked.Card, CardVerbs.Assign, new Dictionary<string, string>
        {
            [CardInputIds.AssignTeam] = "19",
            [CardInputIds.AssignAgent] = "3",
            [CardInputIds.AssignTicketType] = "service_request",
        });
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("assigned", stored["status"]!.GetValue<string>());
        Assert.Equal("19", stored["team_id"]!.ToString());
        Assert.Equal("3", stored["agent_id"]!.ToString());
        Assert.Equal("service_request", stored["request_type"]!.GetValue<string>());
        Assert.Contains("Hamid Le Fleurier", assigned.CardText);
        Assert.Contains("Intervenants Moodle", assigned.CardText);
        Assert.NotNull(assigned.SharedUpdate);
        Assert.Contains(TestUsers.Nathalie.TeamsId, CardJson.RefreshUserIds(assigned.SharedUpdate!.Card!)!.Select(n => n!.GetValue<string>()));

        // 3. Hamid hands it over to Hugues with a note for the admin action at INSA Toulouse.
        var hamidMessage = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + reference);
        Assert.Contains(CardVerbs.Reassign, CardJson.Verbs(hamidMessage.Card!));
        const string note = "Hugues, peux-tu faire l'action d'administration sur la plateforme de l'INSA Toulouse ?";
        var reassigned = await host.ClickAsync(TestUsers.Hamid, hamidMessage, hamidMessage.Card!, CardVerbs.Reassign, new Dictionary<string, string>
        {
            [CardInputIds.ReassignAgent] = "5",
            [CardInputIds.ReassignNote] = note,
        });
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("assigned", stored["status"]!.GetValue<string>());
        Assert.Equal("5", stored["agent_id"]!.ToString());
        Assert.Contains("administration", stored["private_log"]!.ToJsonString());
        Assert.Contains("Hamid Le Fleurier", stored["private_log"]!.ToJsonString());
        Assert.Contains("Hugues Le Moane", reassigned.CardText);

        // 4. Hugues resolves it (service pre-filled) and writes to the Lyon support in the public log.
        var huguesMessage = await host.SendForCardAsync(TestUsers.Hugues, "/ticket " + ticketId);
        Assert.Equal("4", CardJson.InputValue(huguesMessage.Card!, CardInputIds.ResolveService));
        var resolved = await host.ClickAsync(TestUsers.Hugues, huguesMessage, huguesMessage.Card!, CardVerbs.Resolve, new Dictionary<string, string>
        {
            [CardInputIds.ResolveService] = "4",
            [CardInputIds.ResolveSubService] = "8",
            [CardInputIds.ResolveSolution] = "Droit de créateur de cours accordé à Jean Dupont.",
        });
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("resolved", stored["status"]!.GetValue<string>());
        Assert.Contains("créateur de cours", stored["solution"]!.GetValue<string>());
        Assert.Contains("Résolu", resolved.CardText);
        const string message = "Bonjour, Jean Dupont peut maintenant créer ses cours. Bonne journée !";
        var commented = await host.ClickAsync(TestUsers.Hugues, huguesMessage, resolved.Card, CardVerbs.Comment, new Dictionary<string, string>
        {
            [CardInputIds.CommentText] = message,
            [CardInputIds.CommentPublic] = "true",
        });
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Contains("peut maintenant créer ses cours", stored["public_log"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Contains("peut maintenant créer ses cours", commented.CardText);
        // The entry is stored under the bot's iTop account; the card names the person who wrote it.
        Assert.Contains("Hugues Le Moane", commented.CardText);
        Assert.DoesNotContain("teams-bot", commented.CardText);

        // 5. The Lyon support closes it: no button is left.
        var lyonMessage = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + reference);
        Assert.Contains(CardVerbs.Close, CardJson.Verbs(lyonMessage.Card!));
        Assert.DoesNotContain(CardVerbs.Resolve, CardJson.Verbs(lyonMessage.Card!));
        var closed = await host.ClickAsync(TestUsers.LyonSupport, lyonMessage, lyonMessage.Card!, CardVerbs.Close);
        stored = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("closed", stored["status"]!.GetValue<string>());
        Assert.Contains("Clôturé", closed.CardText);
        Assert.Empty(CardJson.Verbs(closed.Card));
        host.AssertAllCardsValid();
    }
}
