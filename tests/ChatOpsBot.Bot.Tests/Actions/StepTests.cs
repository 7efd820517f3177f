using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Bot.Tests.RealItop;
using ChatOpsBot.Cards;
using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Bot.Tests.Actions;

/// <summary>
/// Issue 14, "each seed step in one or two clicks": the card's sub-forms come pre-filled with what the ticket says, so the
/// card's defaults are a valid click. On the sandbox and on the real iTop (where the Assign button with the card's
/// defaults used to answer « Choisissez une équipe. » and write nothing).
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class StepTests
{
    [Fact]
    public Task Steps_take_the_cards_defaults_on_the_sandbox() => RunAsync(null);

    [RealItopFact(ResetsItop = true)]
    public async Task Steps_take_the_cards_defaults_on_the_real_iTop()
    {
        await RealItopReset.RunAsync();
        await RunAsync(RealItopSettings.For());
    }

    [Fact]
    public async Task Typing_a_sub_services_words_chooses_brique_service_and_sub_service()
    {
        await using var host = await BotTestHost.StartAsync();
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket droits de creation de cours pour Jean");
        Assert.Equal(("2", "4", "8"), (
            CardJson.InputValue(form.Card!, CardInputIds.Brique),
            CardJson.InputValue(form.Card!, CardInputIds.Service),
            CardJson.InputValue(form.Card!, CardInputIds.SubService)));
        Assert.Contains("Droit de création de cours", CardJson.Choices(form.Card!, CardInputIds.SubService).Values);
    }

    private static async Task RunAsync(IDictionary<string, string?>? settings)
    {
        await using var host = await ApprovalHost.StartAsync(settings);
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);

        // Assign: the brique's intervenant team is pre-selected and its agents listed in the same form (no team round).
        var desk = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        Assert.Equal("19", CardJson.InputValue(desk.Card!, CardInputIds.AssignTeam));
        var agents = CardJson.Choices(desk.Card!, CardInputIds.AssignAgent);
        Assert.Equal(("Hamid Le Fleurier", "Hugues Le Moane", 7), (agents["3"], agents["5"], agents.Count));
        await host.ClickAsync(TestUsers.Nathalie, desk, desk.Card!, CardVerbs.Assign,
            CardJson.DefaultInputs(desk.Card!, new Dictionary<string, string> { [CardInputIds.AssignAgent] = "3" }));
        await AssertAssignedAsync(host, ticketId, agent: 3);

        // Reassign lists the team's other agents only.
        var hamid = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId);
        var others = CardJson.Choices(hamid.Card!, CardInputIds.ReassignAgent);
        Assert.Equal((6, "Hugues Le Moane", false), (others.Count, others["5"], others.ContainsKey("3")));
        Assert.DoesNotContain(CardVerbs.TakeIt, CardJson.Verbs(hamid.Card!));
        var pending = await host.ClickAsync(TestUsers.Hamid, hamid, hamid.Card!, CardVerbs.Pending,
            new Dictionary<string, string> { [CardInputIds.PendingReason] = "En attente du nom du cours." });
        Assert.Equal(TicketStatus.Pending, (await TicketAsync(host, ticketId)).Status);

        // On hold: Resume is one click; the desk's Assign form, left as it comes, puts it back to the same team and agent.
        Assert.Contains(CardVerbs.Resume, CardJson.Verbs(pending.Card));
        var deskPending = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        Assert.Equal("19", CardJson.InputValue(deskPending.Card!, CardInputIds.AssignTeam));
        Assert.Equal("3", CardJson.InputValue(deskPending.Card!, CardInputIds.AssignAgent));
        var back = await host.ClickAsync(TestUsers.Nathalie, deskPending, deskPending.Card!, CardVerbs.Assign, CardJson.DefaultInputs(deskPending.Card!));
        Assert.Contains("C'est fait.", back.CardText);
        await AssertAssignedAsync(host, ticketId, agent: 3);

        var again = await host.ClickAsync(TestUsers.Hamid, hamid, back.Card, CardVerbs.Pending,
            new Dictionary<string, string> { [CardInputIds.PendingReason] = "Toujours en attente." });
        await host.ClickAsync(TestUsers.Hamid, hamid, again.Card, CardVerbs.Resume);
        await AssertAssignedAsync(host, ticketId, agent: 3);

        // « Je le prends »: a colleague of the ticket's team takes it in one click.
        var hugues = await host.SendForCardAsync(TestUsers.Hugues, "/ticket " + ticketId);
        var taken = await host.ClickAsync(TestUsers.Hugues, hugues, hugues.Card!, CardVerbs.TakeIt);
        Assert.Contains("C'est fait.", taken.CardText);
        await AssertAssignedAsync(host, ticketId, agent: 5);

        // The same click again (a double click, the card as it was): nothing written twice, the card says it is out of date.
        var twice = await host.ClickAsync(TestUsers.Hugues, hugues, hugues.Card!, CardVerbs.TakeIt);
        Assert.DoesNotContain("C'est fait.", twice.CardText);
        await AssertAssignedAsync(host, ticketId, agent: 5);
    }

    private static async Task AssertAssignedAsync(BotTestHost host, int ticketId, int agent)
    {
        var stored = await TicketAsync(host, ticketId);
        Assert.Equal((TicketStatus.Assigned, 19, agent), (stored.Status, stored.TeamId, stored.AgentId));
    }

    /// <summary>The ticket as iTop holds it (the sandbox or the real one), read through the desk.</summary>
    private static async Task<Ticket> TicketAsync(BotTestHost host, int ticketId) =>
        (await host.Services.GetRequiredService<ITicketDesk>().GetTicketAsync(ticketId, default))!;
}
