using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;

namespace ChatOpsBot.Bot.Tests.Dialogs;

/// <summary>"Déjà demandé ?" before a creation: one iTop query, the draft kept, Create anyway / Back to the form; iTop down never blocks.</summary>
public sealed class DuplicateHintTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_sub_service_for_the_same_person_is_hinted_with_one_query_then_created_anyway()
    {
        ItopCalls? itop = null;
        await using var host = await BotTestHost.StartAsync(configureServices: services => (itop = new ItopCalls()).AddTo(services));
        var firstRef = await CreateAsync(host, "Droit de création de cours pour Jean Dupont");
        itop!.Clear();

        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket");
        var inputs = SeedTicket.FormInputs("Accès enseignant à la plateforme");
        var hint = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, inputs);
        Assert.Contains("Déjà demandé ?", hint.CardText, StringComparison.Ordinal);
        Assert.Contains(firstRef, hint.CardText, StringComparison.Ordinal);
        Assert.NotNull(CardJson.FindActionData(hint.Card, CardVerbs.ShowTicket));
        Assert.Empty(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = 'Accès enseignant à la plateforme'"));
        // The check is one query on tickets: the form's validation reads only the catalog and the people (cached or not).
        Assert.Single(itop.Calls, c => c.StartsWith("core/get UserRequest", StringComparison.Ordinal) && c.Contains("servicesubcategory_id = 8 AND caller_id = 11", StringComparison.Ordinal));
        Assert.Single(itop.Calls, c => c.Contains("UserRequest", StringComparison.Ordinal));
        output.WriteLine($"click Créer le ticket → hint: {itop.Calls.Count} iTop requests: " + string.Join(" | ", itop.Calls));

        var created = await host.ClickAsync(TestUsers.LyonSupport, form, hint.Card, CardVerbs.CreateAnyway);
        var ticket = Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = 'Accès enseignant à la plateforme'"));
        Assert.Contains(ticket["ref"]!.GetValue<string>(), created.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_close_title_is_hinted_and_the_form_comes_back_as_typed()
    {
        await using var host = await BotTestHost.StartAsync();
        await CreateAsync(host, "Création de cours Moodle pour la promo 2026");

        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket");
        var inputs = SeedTicket.FormInputs("Cours Moodle : création pour la nouvelle promo");
        inputs[CardInputIds.OnBehalfOf] = "2"; // another person: only the title is close
        inputs[CardInputIds.Service] = "5";
        inputs[CardInputIds.SubService] = "11";
        var hint = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, inputs);
        Assert.Contains("Création de cours Moodle pour la promo 2026", hint.CardText, StringComparison.Ordinal);

        var back = await host.ClickAsync(TestUsers.LyonSupport, form, hint.Card, CardVerbs.BackToForm);
        Assert.Equal("Cours Moodle : création pour la nouvelle promo", CardJson.InputValue(back.Card, CardInputIds.Title));
        Assert.Equal(SeedTicket.FormInputs("x")[CardInputIds.Description], CardJson.InputValue(back.Card, CardInputIds.Description));

        // A title sharing one word only is no duplicate: created at once.
        var other = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket");
        var unrelated = SeedTicket.FormInputs("Quota Moodle dépassé");
        unrelated[CardInputIds.OnBehalfOf] = "2";
        unrelated[CardInputIds.Service] = "5";
        unrelated[CardInputIds.SubService] = "11";
        var created = await host.ClickAsync(TestUsers.LyonSupport, other, other.Card!, CardVerbs.OpenTicket, unrelated);
        Assert.DoesNotContain("Déjà demandé", created.CardText, StringComparison.Ordinal);
        Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = 'Quota Moodle dépassé'"));
    }

    [Fact]
    public async Task iTop_down_during_the_check_does_not_block_the_creation()
    {
        var faults = new ItopFaults();
        await using var host = await BotTestHost.StartAsync(configureServices: faults.AddTo);
        await CreateAsync(host, "Droit de création de cours pour Jean Dupont");

        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket");
        faults.Fail(1, 1, ItopFault.Unavailable, c => c.StartsWith("core/get UserRequest", StringComparison.Ordinal));
        var created = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, SeedTicket.FormInputs("Encore des droits Moodle"));
        Assert.Contains(faults.Calls, c => c.StartsWith("✗ core/get UserRequest", StringComparison.Ordinal));
        var ticket = Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = 'Encore des droits Moodle'"));
        Assert.Contains(ticket["ref"]!.GetValue<string>(), created.CardText, StringComparison.Ordinal);
    }

    /// <summary>Opens a ticket through the form (the first of its kind: no hint); returns its ref.</summary>
    private static async Task<string> CreateAsync(BotTestHost host, string title)
    {
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket");
        var created = await host.ClickAsync(TestUsers.LyonSupport, form, form.Card!, CardVerbs.OpenTicket, SeedTicket.FormInputs(title));
        var found = Assert.Single(await host.Itop.FindTicketsAsync("SELECT UserRequest WHERE title = '" + title + "'"));
        Assert.Contains(found["ref"]!.GetValue<string>(), created.CardText, StringComparison.Ordinal);
        return found["ref"]!.GetValue<string>();
    }
}
