using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Failures;

/// <summary>iTop stops mid-dialog: the draft is kept, the user is told, and Retry creates the ticket exactly once.</summary>
public sealed class ItopOutageTests
{
    [Fact]
    public async Task Draft_survives_an_iTop_outage_and_Retry_creates_exactly_one_ticket()
    {
        await using var host = await BotTestHost.StartAsync();
        const string title = "Restauration du cours de chimie organique";
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + title);

        await host.Sandbox.StopAsync();
        var failed = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, SeedTicket.FormInputs(title));
        Assert.Contains("iTop", failed.CardText);
        Assert.Contains("conservée", failed.CardText);
        Assert.NotNull(CardJson.FindActionData(failed.Card, CardVerbs.RetryCreate));

        // Still down: a Retry keeps the draft and says so again.
        var stillDown = await host.ClickAsync(TestUsers.LyonSupport, form, failed.Card, CardVerbs.RetryCreate);
        Assert.NotNull(CardJson.FindActionData(stillDown.Card, CardVerbs.RetryCreate));

        await host.Sandbox.RestartAsync();
        var retried = await host.ClickAsync(TestUsers.LyonSupport, form, stillDown.Card, CardVerbs.RetryCreate);
        Assert.Contains(title, retried.CardText);
        Assert.Contains("Nouveau", retried.CardText);

        // A second click on the same Retry button shows the same ticket and creates nothing.
        var again = await host.ClickAsync(TestUsers.LyonSupport, form, failed.Card, CardVerbs.RetryCreate);
        Assert.Contains(title, again.CardText);

        var tickets = await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = '" + title + "'");
        var ticket = Assert.Single(tickets);
        Assert.Equal("new", ticket["status"]!.GetValue<string>());
        Assert.Contains(ticket["ref"]!.GetValue<string>(), retried.CardText);
        Assert.Contains(ticket["ref"]!.GetValue<string>(), again.CardText);
        host.AssertAllCardsValid();
    }
}
