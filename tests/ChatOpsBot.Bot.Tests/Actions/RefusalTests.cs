using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Actions;

/// <summary>Every action re-checks rights and state in iTop: forged, stale or unauthorised clicks change nothing.</summary>
public sealed class RefusalTests
{
    [Fact]
    public async Task Refusals_leave_iTop_unchanged()
    {
        await using var host = await BotTestHost.StartAsync();
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        var (otherId, _) = await SeedTicket.OpenTicketAsync(host, "Inscription d'un enseignant au cours de mécanique");

        // Nathalie assigns the first ticket to Hamid.
        var desk = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.Assign, new Dictionary<string, string>
        {
            [CardInputIds.AssignTeam] = "19",
            [CardInputIds.AssignAgent] = "3",
        });
        var hamid = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId);
        var resolveData = CardJson.FindActionData(hamid.Card!, CardVerbs.Resolve)!;
        var resolveInputs = new Dictionary<string, string>
        {
            [CardInputIds.ResolveService] = "4",
            [CardInputIds.ResolveSolution] = "Fait.",
        };

        // A non-member (the school's support) presses Hamid's resolve button: refused, shown the card with a notice.
        var byLyon = await host.InvokeAsync(TestUsers.LyonSupport, hamid.Id, CardVerbs.Resolve, With(resolveData, resolveInputs));
        Assert.Contains("ne pouvez pas faire cette action", byLyon.CardText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CardVerbs.Resolve, CardJson.Verbs(byLyon.Card));
        Assert.Equal("assigned", await StatusAsync(host, ticketId));

        // An intervenant of another brique, also claiming to be Hamid in the data: the ticket is not even shown.
        var forged = With(resolveData, resolveInputs);
        forged["actorId"] = "3";
        forged["from"] = TestUsers.Hamid.TeamsId;
        var byRichter = await host.InvokeAsync(TestUsers.Richter, hamid.Id, CardVerbs.Resolve, forged);
        Assert.NotNull(byRichter.Message);
        Assert.Equal("assigned", await StatusAsync(host, ticketId));

        // Another ticket id in Hamid's data: the other ticket is not his (still new, not assigned to his team).
        var otherTicket = With(resolveData, resolveInputs);
        otherTicket["ticketId"] = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wrongTicket = await host.InvokeAsync(TestUsers.Hamid, hamid.Id, CardVerbs.Resolve, otherTicket);
        Assert.DoesNotContain(CardVerbs.Resolve, CardJson.Verbs(wrongTicket.Card));
        Assert.Equal("new", await StatusAsync(host, otherId));

        // Another verb on the school support's own card: the support cannot assign.
        var lyon = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + otherId);
        var refresh = lyon.Card!["refresh"]!["action"]!["data"]!.AsObject();
        var assignForged = With(refresh, new Dictionary<string, string> { [CardInputIds.AssignTeam] = "19", [CardInputIds.AssignAgent] = "3" });
        assignForged["verb"] = CardVerbs.Assign;
        var wrongVerb = await host.InvokeAsync(TestUsers.LyonSupport, lyon.Id, CardVerbs.Assign, assignForged);
        Assert.Contains("ne pouvez pas faire cette action", wrongVerb.CardText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("new", await StatusAsync(host, otherId));

        // A stale card: Hamid comments from a fresh card, then uses the old card to put the ticket on hold.
        var fresh = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId);
        await host.ClickAsync(TestUsers.Hamid, fresh, fresh.Card!, CardVerbs.Comment, new Dictionary<string, string>
        {
            [CardInputIds.CommentText] = "Je regarde.",
            [CardInputIds.CommentPublic] = "false",
        });
        var stale = await host.ClickAsync(TestUsers.Hamid, hamid, hamid.Card!, CardVerbs.Pending, new Dictionary<string, string>
        {
            [CardInputIds.PendingReason] = "En attente de l'INSA Toulouse",
        });
        Assert.Contains("n'était plus à jour", stale.CardText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Je regarde.", (await host.Itop.GetTicketAsync(ticketId))["private_log"]!.ToJsonString(Relaxed));
        Assert.Equal("assigned", await StatusAsync(host, ticketId));

        // Resolve and close, then press the old buttons on the closed ticket.
        var current = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId);
        await host.ClickAsync(TestUsers.Hamid, current, current.Card!, CardVerbs.Resolve, resolveInputs);
        var lyonCard = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + ticketId);
        await host.ClickAsync(TestUsers.LyonSupport, lyonCard, lyonCard.Card!, CardVerbs.Close);
        Assert.Equal("closed", await StatusAsync(host, ticketId));
        var onClosed = await host.InvokeAsync(TestUsers.Hamid, current.Id, CardVerbs.Reopen, With(CardJson.FindActionData(current.Card!, CardVerbs.Pending)!, null));
        Assert.Empty(CardJson.Verbs(onClosed.Card));
        Assert.Contains("Clôturé", onClosed.CardText);
        Assert.Equal("closed", await StatusAsync(host, ticketId));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task Unknown_Teams_user_is_told_whom_to_ask()
    {
        await using var host = await BotTestHost.StartAsync();
        var before = await host.SendAsync(TestUsers.Stranger, "/ticket");
        var answer = await host.Teams.WaitForAsync(s => s.Text is not null, before);
        Assert.Contains("inconnu@example.org", answer.Text);
        Assert.Contains("guichet@groupe-insa.fr", answer.Text);
        Assert.Contains("iTop", answer.Text);

        // Someone the member API does not know at all.
        var ghost = new TestUser("29:ghost", "Ghost", "", null);
        var ghostBefore = await host.SendAsync(ghost, "/ticket");
        var ghostAnswer = await host.Teams.WaitForAsync(s => s.Text is not null && s.ConversationId == ghost.ConversationId, ghostBefore);
        Assert.Contains("guichet@groupe-insa.fr", ghostAnswer.Text);

        var english = await host.SendAsync(TestUsers.Stranger, "/tickets", "en-GB");
        var inEnglish = await host.Teams.WaitForAsync(s => s.Text is not null, english);
        Assert.Contains("I cannot find you", inEnglish.Text);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject With(JsonObject data, IDictionary<string, string>? inputs)
    {
        var merged = data.DeepClone().AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }

    private static async Task<string> StatusAsync(BotTestHost host, int id) =>
        (await host.Itop.GetTicketAsync(id))["status"]!.GetValue<string>();
}
