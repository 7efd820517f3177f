using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Identity;

/// <summary>
/// The C2IP (the sandbox's seed addition "c2ip": team 28 with Richter Elric and Denis Dieupart-Ruel) opens group tickets
/// like a school support, for any person of the group; the ticket's school is the person's.
/// </summary>
public sealed class GroupOpenerTests
{
    [Fact]
    public async Task A_C2IP_member_opens_a_ticket_for_a_person_of_another_school()
    {
        await using var host = await BotTestHost.StartAsync(seedAdditions: "c2ip");
        const string title = "Droits Moodle pour Jean Dupont, demandés par le C2IP";
        var form = await host.SendForCardAsync(TestUsers.Richter, "/ticket " + title);

        // Every school's people are offered, Jean Dupont (INSA Lyon) among them; Richter is from INSA Strasbourg.
        var people = CardJson.Choices(form.Card!, CardInputIds.OnBehalfOf);
        Assert.Contains("11", people.Keys);
        Assert.Contains("2", people.Keys); // Eloise Joyeux, INSA Lyon
        Assert.Contains("3", people.Keys); // Hamid Le Fleurier, INSA Toulouse
        Assert.DoesNotContain("1", people.Keys); // the installer's person: no school with a contract

        // Choosing Jean Dupont moves the form to INSA Lyon's catalog; the ticket is INSA Lyon's, Jean Dupont its caller.
        var refreshed = await host.ClickAsync(TestUsers.Richter, form, form.Card!, CardVerbs.RefreshForm, new Dictionary<string, string>
        {
            [CardInputIds.OnBehalfOf] = "11",
            [CardInputIds.Brique] = "2",
            [CardInputIds.Title] = title,
        });
        Assert.Contains("Droits Moodle", CardJson.Choices(refreshed.Card, CardInputIds.Service).Values);
        var created = await host.ClickAsync(TestUsers.Richter, form, refreshed.Card, CardVerbs.OpenTicket, SeedTicket.FormInputs(title));
        var ticket = Assert.Single(await host.Itop.QueryAsync("UserRequest", System.Text.Json.Nodes.JsonValue.Create("SELECT UserRequest WHERE title = '" + title + "'")!, "ref,org_id,caller_id"));
        Assert.Equal("3", ticket["org_id"]!.GetValue<string>());
        Assert.Equal("11", ticket["caller_id"]!.GetValue<string>());
        Assert.Contains(ticket["ref"]!.GetValue<string>(), created.CardText);
    }

    [Fact]
    public async Task The_C2IP_member_who_opened_a_ticket_follows_it_like_its_school_support()
    {
        await using var host = await BotTestHost.StartAsync(seedAdditions: "c2ip");
        const string title = "Quota Moodle pour Jean Dupont, suivi par le C2IP";
        var form = await host.SendForCardAsync(TestUsers.Richter, "/ticket " + title);
        var inputs = SeedTicket.FormInputs(title);
        inputs[CardInputIds.OnBehalfOf] = "11";
        var created = await host.ClickAsync(TestUsers.Richter, form, form.Card!, CardVerbs.OpenTicket, inputs);
        var id = int.Parse(created.Card["refresh"]!["action"]!["data"]!["ticketId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        // Richter (INSA Strasbourg) is neither the caller nor INSA Lyon's support, yet the card he made stays his to follow.
        Assert.Contains(CardVerbs.Comment, CardJson.Verbs(created.Card));
        Assert.Contains(CardVerbs.Refresh, CardJson.Verbs(created.Card));
        await host.Itop.StimulusAsync(id, "ev_assign", new System.Text.Json.Nodes.JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        await host.Itop.StimulusAsync(id, "ev_resolve", new System.Text.Json.Nodes.JsonObject { ["solution"] = "Quota relevé à 2 Go." });

        var resolved = await host.ClickAsync(TestUsers.Richter, form, created.Card, CardVerbs.Refresh);
        Assert.Contains("Quota relevé à 2 Go.", resolved.CardText, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.Reopen, CardJson.Verbs(resolved.Card));
        var closed = await host.ClickAsync(TestUsers.Richter, form, resolved.Card, CardVerbs.Close);
        Assert.DoesNotContain(CardVerbs.Close, CardJson.Verbs(closed.Card));
        Assert.Equal("closed", (await host.Itop.GetTicketAsync(id))["status"]!.GetValue<string>());

        // Another ticket of INSA Lyon, not his: still not his to see.
        var other = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket Autre demande de Lyon");
        var lyon = await SeedTicket.CreateAsync(host, TestUsers.LyonSupport, other, other.Card!, SeedTicket.FormInputs("Autre demande de Lyon"));
        var lyonId = lyon.Card["refresh"]!["action"]!["data"]!["ticketId"]!.GetValue<string>();
        await host.SendAsync(TestUsers.Richter, "/ticket " + lyonId);
        var answer = await host.Teams.WaitForAsync(s => s.ConversationId == TestUsers.Richter.ConversationId && s.Text?.Contains("ne concerne ni votre école", StringComparison.Ordinal) == true);
        Assert.Null(answer.Card);
    }

    [Fact]
    public async Task Without_the_team_the_same_person_only_opens_for_their_own_school()
    {
        await using var host = await BotTestHost.StartAsync();
        var form = await host.SendForCardAsync(TestUsers.Richter, "/ticket Droits Moodle");
        var people = CardJson.Choices(form.Card!, CardInputIds.OnBehalfOf);
        Assert.Contains("10", people.Keys);
        Assert.DoesNotContain("11", people.Keys);

        var refused = await host.ClickAsync(TestUsers.Richter, form, form.Card!, CardVerbs.OpenTicket, SeedTicket.FormInputs("Pour Jean Dupont"));
        Assert.Contains("personne de l'école", refused.CardText);
        Assert.Empty(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = 'Pour Jean Dupont'"));
    }

    [Fact]
    public async Task The_team_name_is_configurable()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["Roles:GroupOpenerTeam"] = "Intervenants Scénari" });
        var form = await host.SendForCardAsync(TestUsers.Richter, "/ticket Droits Moodle");
        Assert.Contains("11", CardJson.Choices(form.Card!, CardInputIds.OnBehalfOf).Keys);
    }
}
