using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;

namespace ChatOpsBot.Bot.Tests.Rendering;

/// <summary>
/// Issue 14: the card tells the ticket's story to each viewer, through /api/messages on the sandbox: where it stands and
/// since when, the description, the user's words, the hold reason; the private log (a hand-over note) for the group side
/// only, never for the school's support.
/// </summary>
public sealed class TicketStoryCardTests
{
    private const string Note = "Passation : l'action se fait côté **INSA Toulouse**, voir [ici](https://evil.example).";
    private const string Question = "Quel est le numéro de personnel de Jean Dupont ?";

    [Fact]
    public async Task Each_viewer_reads_the_story_and_only_the_group_side_reads_the_private_log()
    {
        await using var host = await BotTestHost.StartAsync();
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);

        var fresh = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + ticketId);
        var text = CardJson.AllText(fresh.Card!);
        Assert.Contains("Nouveau depuis 1 minute, à qualifier par le support groupe", text);
        Assert.Contains("Jean Dupont, enseignant, doit pouvoir créer ses cours sur OpenMoodle.", text);
        Assert.Contains("Propos de l'utilisateur\n" + SeedTicket.JeanWords, text);
        Assert.Contains(SeedTicket.SchoolReference, text);
        Assert.DoesNotContain("<p>", text);
        Assert.DoesNotContain("Référence établissement :", text);

        // Assigned in iTop with a hand-over note in the private log (as the bot writes it: the actor's line first), then on hold.
        await host.Itop.StimulusAsync(ticketId, "ev_assign", new JsonObject
        {
            ["team_id"] = 19,
            ["agent_id"] = 3,
            ["private_log"] = new JsonObject
            {
                ["add_item"] = new JsonObject { ["message"] = "<p><strong>Nathalie Matheu via Teams</strong></p><p>" + System.Net.WebUtility.HtmlEncode(Note) + "</p>", ["format"] = "html" },
            },
        });
        await host.Itop.StimulusAsync(ticketId, "ev_pending", new JsonObject { ["pending_reason"] = Question });

        var hamid = CardJson.AllText((await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId)).Card!);
        var nathalie = CardJson.AllText((await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId)).Card!);
        var lyonCard = (await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + ticketId)).Card!;
        var lyon = CardJson.AllText(lyonCard);
        var hamidEnglish = CardJson.AllText((await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId, "en-US")).Card!);

        foreach (var view in new[] { hamid, nathalie, lyon })
        {
            Assert.Contains("En attente du demandeur depuis 1 minute", view);
            Assert.Contains("Motif de l'attente\n" + Question, view);
        }

        Assert.Contains("Waiting for the requester for 1 minute", hamidEnglish);
        Assert.Contains("Why it is on hold\n" + Question, hamidEnglish);
        foreach (var view in new[] { hamid, nathalie })
        {
            Assert.Contains("Notes internes (groupe uniquement)", view);
            Assert.Contains("Nathalie Matheu", view);
            Assert.Contains(Note, view);
        }

        Assert.Contains("Internal notes (group only)", hamidEnglish);
        Assert.DoesNotContain("Notes internes", lyon);
        Assert.DoesNotContain("Passation", lyon);
        Assert.DoesNotContain(CardJson.MarkdownTexts(lyonCard), t => t.Contains(Question, StringComparison.Ordinal));
        host.AssertAllCardsValid();
    }

    /// <summary>
    /// Issue 14: the line the bot writes at creation carries the draft's id for its own crash recovery (iTop keeps it, the
    /// bot finds the ticket by it); the group side reads the entry as « Ticket ouvert. », with who and when, never the id.
    /// </summary>
    [Theory]
    [InlineData("fr-FR", "Notes internes (groupe uniquement)")]
    [InlineData("en-US", "Internal notes (group only)")]
    public async Task The_creation_entry_shows_no_draft_id(string locale, string heading)
    {
        await using var host = await BotTestHost.StartAsync();
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        var stored = (await host.Itop.GetTicketAsync(ticketId))["private_log"]!.ToJsonString();
        var marker = System.Text.RegularExpressions.Regex.Match(System.Text.RegularExpressions.Regex.Unescape(stored), @"brouillon (?<id>[^)]+)\)");
        Assert.True(marker.Success, stored);

        var desk = CardJson.AllText((await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId, locale)).Card!);
        Assert.Contains(heading + "\nSupport INSA Lyon", desk, StringComparison.Ordinal);
        Assert.Contains("Ticket ouvert.", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("brouillon", desk, StringComparison.Ordinal);
        Assert.DoesNotContain(marker.Groups["id"].Value, desk, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 14: on hold, the reason is read once, under « Motif de l'attente »; the private-log entry of the move says
    /// who put it on hold and when. Once resumed, the section is gone and the entry tells the reason again.
    /// </summary>
    [Theory]
    [InlineData("fr-FR", "Motif de l'attente", "Mis en attente.")]
    [InlineData("en-US", "Why it is on hold", "Mis en attente.")]
    public async Task The_hold_reason_is_read_once(string locale, string heading, string line)
    {
        await using var host = await BotTestHost.StartAsync();
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        await host.Itop.StimulusAsync(ticketId, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 3 });
        var hamid = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId, locale);
        await host.ClickAsync(TestUsers.Hamid, hamid, hamid.Card!, ChatOpsBot.Cards.CardVerbs.Pending,
            new Dictionary<string, string> { [ChatOpsBot.Cards.CardInputIds.PendingReason] = Question + "\nMerci de répondre." }, locale);

        foreach (var viewer in new[] { TestUsers.Hamid, TestUsers.Nathalie })
        {
            var text = CardJson.AllText((await host.SendForCardAsync(viewer, "/ticket " + ticketId, locale)).Card!);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(Question)));
            Assert.Contains(heading + "\n" + Question + "\nMerci de répondre.", text, StringComparison.Ordinal);
            Assert.Contains("Hamid Le Fleurier", text, StringComparison.Ordinal);
            Assert.Contains("\n" + line + "\n", text, StringComparison.Ordinal);
        }

        await host.Itop.StimulusAsync(ticketId, "ev_assign", new JsonObject());
        var resumed = CardJson.AllText((await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId, locale)).Card!);
        Assert.DoesNotContain(heading, resumed, StringComparison.Ordinal);
        Assert.Contains(line + "\n" + Question + "\nMerci de répondre.", resumed, StringComparison.Ordinal);
    }

    /// <summary>Issue 14: the labels written into iTop are French (the group's iTop language) whatever the writer's locale.</summary>
    [Fact]
    public async Task An_English_writer_stores_French_labels_and_reads_the_parts_back_in_English()
    {
        await using var host = await BotTestHost.StartAsync();
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + SeedTicket.Title, "en-US");
        var created = await SeedTicket.CreateAsync(host, TestUsers.LyonSupport, form, form.Card!, SeedTicket.FormInputs(SeedTicket.Title), "en-US");
        var data = CardJson.FindActionData(created.Card, ChatOpsBot.Cards.CardVerbs.Refresh) ?? created.Card["refresh"]!["action"]!["data"]!.AsObject();
        var ticketId = int.Parse(data["ticketId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        var description = (await host.Itop.GetTicketAsync(ticketId))["description"]!.GetValue<string>();
        Assert.Contains("Propos de l'utilisateur : « " + SeedTicket.JeanWords + " »", System.Net.WebUtility.HtmlDecode(description));
        Assert.Contains("Référence établissement : " + SeedTicket.SchoolReference, description);
        Assert.DoesNotContain("User's words", description);
        var text = CardJson.AllText(created.Card);
        Assert.Contains("User's words\n" + SeedTicket.JeanWords, text);
        Assert.Contains("New for 1 minute, to be qualified by the group desk", text);
    }
}
