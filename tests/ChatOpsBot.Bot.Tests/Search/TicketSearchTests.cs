using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Bot.Tests.Search;

/// <summary>
/// Issue 16, part 1: composeExtension/query over HTTP with the recorded Teams request shape, against the sandbox iTop:
/// what each kind of text finds, who sees what, paging with one iTop query per page.
/// </summary>
public sealed class TicketSearchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Search_finds_tickets_by_reference_title_words_requester_school_brique_service_and_status()
    {
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var lyon = await console.CreateTicketAsync("Droits Moodle pour un enseignant", "Droits Moodle", "INSA Lyon");
        var toulouse = await console.CreateTicketAsync("Publication en panne", "Publication Scénari", "INSA Toulouse");
        var rennes = await console.CreateTicketAsync("Cours à restaurer", "Gestion des cours Moodle", "INSA Rennes");
        await console.StimulusAsync(toulouse.Id, "ev_assign", new JsonObject { ["team_id"] = 20, ["agent_id"] = 3 });
        await console.StimulusAsync(toulouse.Id, "ev_pending", new JsonObject { ["pending_reason"] = "En attente de l'école" });

        async Task<IReadOnlyList<string>> Find(string text, string locale = "fr-FR") =>
            MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, TestUsers.Nathalie, text, locale: locale))).Refs;

        Assert.Equal([lyon.Ref], await Find(lyon.Ref));
        Assert.Equal([rennes.Ref], await Find("R-" + rennes.Id));
        Assert.Equal([rennes.Ref], await Find("restaurer"));
        Assert.Equal([rennes.Ref], await Find("RESTAURÉR cours"));
        Assert.Equal([toulouse.Ref], await Find("scénari"));
        Assert.Equal([lyon.Ref], await Find("Droits Moodle"));
        Assert.Equal([rennes.Ref, lyon.Ref], await Find("openmoodle"));
        Assert.Equal([lyon.Ref], await Find("lyon"));
        Assert.Equal([toulouse.Ref], await Find("INSA Toulouse"));
        Assert.Equal([rennes.Ref, toulouse.Ref, lyon.Ref], await Find("dupont"));
        Assert.Equal([toulouse.Ref], await Find("en attente"));
        Assert.Equal([toulouse.Ref], await Find("pending", "en-US"));
        Assert.Equal([rennes.Ref, lyon.Ref], await Find("nouveaux"));
        Assert.Equal([rennes.Ref, toulouse.Ref, lyon.Ref], await Find("ouverts"));
        Assert.Empty(await Find("ouverts rouen"));
        Assert.Empty(await Find("inexistant"));
    }

    [Fact]
    public async Task A_result_inserts_the_neutral_ticket_card_whose_refresh_gives_the_searcher_their_own_view()
    {
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var lyon = await console.CreateTicketAsync("Droits Moodle pour un enseignant");

        var answer = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, TestUsers.Nathalie, lyon.Ref)));

        Assert.Equal("result", answer.Type);
        Assert.Equal("list", answer.ComposeExtension["attachmentLayout"]!.GetValue<string>());
        var result = Assert.Single(answer.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", result["contentType"]!.GetValue<string>());
        var card = result["content"]!.AsObject();
        CardSchema.AssertValid(card);
        Assert.Contains(lyon.Ref, card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["29:nathalie"], card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        var preview = result["preview"]!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.thumbnail", preview["contentType"]!.GetValue<string>());
        Assert.Equal(lyon.Ref + " · Droits Moodle pour un enseignant", preview["content"]!["title"]!.GetValue<string>());
        Assert.Equal("Nouveau · INSA Lyon", preview["content"]!["subtitle"]!.GetValue<string>());
        Assert.Equal("Demandeur : Jean Dupont · Droits Moodle", preview["content"]!["text"]!.GetValue<string>());

        var english = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, TestUsers.Nathalie, lyon.Ref, locale: "en-US")));
        Assert.Equal("Requester: Jean Dupont · Droits Moodle", english.Attachments[0]["preview"]!["content"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_school_support_finds_only_its_school_and_an_intervenant_only_its_briques_and_own_tickets()
    {
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var lyon = await console.CreateTicketAsync("Droits Moodle Lyon", "Droits Moodle", "INSA Lyon");
        var rennes = await console.CreateTicketAsync("Droits Moodle Rennes", "Droits Moodle", "INSA Rennes");
        var scenari = await console.CreateTicketAsync("Atelier Scénari Rennes", "Ateliers Scénari", "INSA Rennes");

        async Task<IReadOnlyList<string>> Find(TestUser user, string text) =>
            MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, user, text))).Refs;

        Assert.Equal([lyon.Ref], await Find(TestUsers.LyonSupport, ""));
        Assert.Equal([lyon.Ref], await Find(TestUsers.LyonSupport, "droits moodle"));
        Assert.Empty(await Find(TestUsers.LyonSupport, rennes.Ref));
        Assert.Empty(await Find(TestUsers.LyonSupport, "rennes"));
        // Richter Elric is an intervenant of Scénari (and supports INSA Strasbourg): Scénari tickets, and those he holds.
        Assert.Equal([scenari.Ref], await Find(TestUsers.Richter, ""));
        Assert.Empty(await Find(TestUsers.Richter, "à moi"));
        Assert.Empty(await Find(TestUsers.Richter, "droits moodle"));
        await console.StimulusAsync(rennes.Id, "ev_assign", new JsonObject { ["team_id"] = 19, ["agent_id"] = 10 });
        Assert.Equal([rennes.Ref], await Find(TestUsers.Richter, "à moi"));
        Assert.Equal([scenari.Ref, rennes.Ref], await Find(TestUsers.Richter, ""));
        Assert.Equal([scenari.Ref, rennes.Ref, lyon.Ref], await Find(TestUsers.Nathalie, ""));
    }

    [Fact]
    public async Task Pages_follow_skip_and_count_with_one_itop_query_per_page()
    {
        var counter = new ItopCallCounter();
        await using var host = await BotTestHost.StartAsync(configureServices: counter.AddTo);
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var created = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            created.Add((await console.CreateTicketAsync("Demande numéro " + i)).Ref);
        }

        counter.Take(); // the catalog and teams read at start-up
        var (seen, first) = await SearchPages.ReadSevenAsync(host, counter, TestUsers.LyonSupport, "demande");
        output.WriteLine($"first search of the user: {first.Count} iTop calls: {string.Join(", ", first)}; each page after: 1 (core/get UserRequest)");

        // The catalog and teams are warm from start-up: a user's first search only identifies them, then searches.
        Assert.Equal(["core/get Person", "core/get UserRequest"], first);

        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task The_playground_shape_without_command_id_nor_parameter_name_is_searched_too()
    {
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var lyon = await console.CreateTicketAsync("Droits Moodle pour un enseignant");

        var answer = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.PlaygroundSearch(host, TestUsers.LyonSupport, "enseignant")));

        Assert.Equal([lyon.Ref], answer.Refs);
    }

    [Fact]
    public async Task An_unknown_user_is_told_whom_to_ask_instead_of_results()
    {
        await using var host = await BotTestHost.StartAsync();

        var answer = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, TestUsers.Stranger, "moodle")));

        Assert.Equal("message", answer.Type);
        Assert.Contains("guichet@groupe-insa.fr", answer.Text, StringComparison.Ordinal);
    }
}
