using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Desk;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Text;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Text;

public sealed class ActorLineTests
{
    [Fact]
    public void An_entry_written_from_Teams_names_its_actor_and_keeps_the_message()
    {
        var html = ActorLine.Html("Hugues Le Moane via Teams", "Bonjour,\nc'est fait à l'INSA Toulouse <ok>");
        Assert.StartsWith("<p><strong>Hugues Le Moane via Teams</strong></p>", html, StringComparison.Ordinal);

        var (actor, body) = ActorLine.Split(html, " via Teams");

        Assert.Equal("Hugues Le Moane", actor);
        Assert.Equal("Bonjour,\nc'est fait à l'INSA Toulouse <ok>", body);
    }

    [Theory]
    [InlineData("<p>Bonjour</p>")]
    [InlineData("<p><strong>Important</strong></p><p>lisez-moi</p>")]
    [InlineData("<p><strong> via Teams</strong></p><p>x</p>")]
    [InlineData("")]
    public void Other_entries_keep_iTop_attribution(string html)
    {
        var (actor, body) = ActorLine.Split(html, " via Teams");

        Assert.Null(actor);
        Assert.Null(body);
    }

    [Fact]
    public void The_actor_line_is_believed_only_in_an_entry_of_the_bots_own_account()
    {
        var html = ActorLine.Html("Hamid Le Fleurier via Teams", "Je m'en occupe.");
        var learned = new ItopAccount(Options.Create(new ItopOptions()));
        var configured = new ItopAccount(Options.Create(new ItopOptions { AccountLogin = "teams-bot-token" }));

        // Until the bot has written once, its login is unknown: the line is believed whoever wrote it.
        Assert.Equal("Hamid Le Fleurier", Entry(learned, "rest-admin", html).Author);
        learned.Learn("teams-bot-token");
        foreach (var account in new[] { learned, configured })
        {
            var bot = Entry(account, "teams-bot-token", html);
            Assert.Equal(("Hamid Le Fleurier", "Je m'en occupe."), (bot.Author, bot.Message));
            // A console user quoting (or typing) the same line keeps their own name.
            Assert.Equal("Nathalie Matheu", Entry(account, "Nathalie Matheu", html).Author);
        }
    }

    private static Tickets.TicketLogEntry Entry(ItopAccount account, string login, string html)
    {
        var options = Options.Create(new ItopOptions());
        var mapper = new ItopMapper(ItopDates.For("Europe/Paris"), account, options);
        var entry = new JsonObject { ["date"] = "2026-11-28 12:05:00", ["user_login"] = login, ["user_id"] = "12", ["message"] = "", ["message_html"] = html };
        var ticket = mapper.ToTicket(new ItopObject("UserRequest", 2, 0, "", new JsonObject
        {
            ["ref"] = "R-000002", ["status"] = "assigned", ["public_log"] = new JsonObject { ["entries"] = new JsonArray(entry) },
        }));
        return ticket.PublicLog.Single();
    }
}
