using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Testing;

namespace ChatOpsBot.Bot.Tests.LinkUnfurling;

/// <summary>
/// Issue 16, part 2: composeExtension/queryLink over HTTP with the recorded Teams request shape: iTop's console and
/// portal ticket URLs become the ticket card, for who may see it only; Teams is told not to cache the answer.
/// </summary>
public sealed class LinkUnfurlingTests
{
    private const string Itop = "https://itop.groupe-insa.fr/";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> TicketUrls() => new()
    {
        Itop + "pages/UI.php?operation=details&class=UserRequest&id={id}",
        Itop + "pages/UI.php?operation=details&class=UserRequest&id={ref}&c[menu]=UserRequest%3AOpenRequests",
        Itop + "pages/UI.php?operation=details&class=UserRequest&attcode=ref&attvalue={ref}",
        Itop + "pages/exec.php/object/view/UserRequest/{id}?exec_module=itop-portal-base&exec_page=index.php&portal_id=itop-portal",
        Itop + "pages/exec.php/object/view/UserRequest/ref/{ref}?exec_module=itop-portal-base&exec_page=index.php&portal_id=itop-portal",
    };

    [Theory]
    [MemberData(nameof(TicketUrls))]
    public async Task A_ticket_url_of_the_console_or_the_portal_unfurls_into_the_ticket_card_never_cached(string template)
    {
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var ticket = await console.CreateTicketAsync("Droits Moodle pour un enseignant");
        var url = template.Replace("{id}", ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{ref}", ticket.Ref, StringComparison.Ordinal);

        var answer = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, url)));

        Assert.Equal("result", answer.Type);
        var result = Assert.Single(answer.Attachments);
        CardSchema.AssertValid(result["content"]!.AsObject());
        Assert.Contains("Droits Moodle pour un enseignant", result["content"]!.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Equal(ticket.Ref + " · Droits Moodle pour un enseignant", answer.PreviewTitles[0]);
        Assert.Equal("no-cache", answer.Body["cacheInfo"]!["cacheType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ticket_the_user_may_not_see_a_missing_one_and_an_unknown_user_get_the_same_restricted_card()
    {
        await using var host = await BotTestHost.StartAsync();
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var rennes = await console.CreateTicketAsync("Secret de Rennes", "Droits Moodle", "INSA Rennes");
        string ByRef(string reference) => Itop + "pages/UI.php?operation=details&class=UserRequest&id=" + reference;

        var hidden = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, ByRef(rennes.Ref))));
        var missing = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, ByRef("R-999999"))));
        var stranger = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.Stranger, ByRef(rennes.Ref))));
        var anonymous = MessageExtensionAnswer.Of(await host.PostActivityAsync(
            RecordedInvokes.Link(host, TestUsers.Nathalie, ByRef(rennes.Ref), name: "composeExtension/anonymousQueryLink")));
        var english = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, ByRef(rennes.Ref), "en-US")));

        foreach (var answer in new[] { hidden, stranger, anonymous })
        {
            var card = Assert.Single(answer.Attachments)["content"]!.ToJsonString(Readable);
            Assert.Contains("Ticket " + rennes.Ref + " (accès restreint)", card, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", card, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret", answer.PreviewTitles[0], StringComparison.Ordinal);
            Assert.Equal("no-cache", answer.Body["cacheInfo"]!["cacheType"]!.GetValue<string>());
        }

        Assert.Equal(["Ticket R-999999 (accès restreint)"], missing.PreviewTitles);
        Assert.Equal(["Ticket " + rennes.Ref + " (restricted)"], english.PreviewTitles);
        // The group desk, who may see it, gets the card.
        var desk = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.Nathalie, ByRef(rennes.Ref))));
        Assert.Contains("Secret de Rennes", desk.PreviewTitles[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://itop.groupe-insa.fr/pages/UI.php?operation=details&class=Person&id=11")]
    [InlineData("https://itop.groupe-insa.fr/pages/UI.php?operation=search_oql&class=UserRequest")]
    [InlineData("https://itop.groupe-insa.fr/pages/exec.php/object/view/UserRequest/abc")]
    [InlineData("https://foo.com/")]
    [InlineData("not a url")]
    public async Task Another_page_of_the_host_unfurls_into_nothing_without_reading_itop(string url)
    {
        var counter = new ItopCallCounter();
        await using var host = await BotTestHost.StartAsync(configureServices: counter.AddTo);
        counter.Take(); // the catalog and teams read at start-up

        var answer = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.Nathalie, url)));

        Assert.Equal("result", answer.Type);
        Assert.Empty(answer.Attachments);
        Assert.Empty(counter.Take());
    }

    [Fact]
    public async Task Unfurling_a_ticket_costs_one_itop_read_once_the_caches_are_warm()
    {
        var counter = new ItopCallCounter();
        await using var host = await BotTestHost.StartAsync(configureServices: counter.AddTo);
        using var console = new ItopConsole(host.Sandbox.BaseAddress);
        var ticket = await console.CreateTicketAsync("Droits Moodle pour un enseignant");
        var url = Itop + "pages/UI.php?operation=details&class=UserRequest&id=" + ticket.Id;
        MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, url)));
        counter.Take();

        var answer = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, url)));

        Assert.Single(answer.Attachments);
        Assert.Equal(["core/get UserRequest"], counter.Take());
    }
}
