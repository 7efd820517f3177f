using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.RealItop;

namespace ChatOpsBot.Bot.Tests.RealItop;

/// <summary>
/// Issue 16 against the real iTop: the whole bot over HTTP (recorded Teams invokes), its iTop client pointed at the kit's
/// instance (reset first). A search page is one iTop query, counted at the HTTP boundary; a school support sees only its
/// school's tickets; a pasted link of a ticket it may not see is the restricted card.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopSearchTests
{
    // The kit's rest-admin account (../shared/itop/README.md), acting as someone in the iTop console.
    private const string RestAdminPassword = "RestAdmin#2024";

    [RealItopFact(ResetsItop = true)]
    public async Task Search_pages_cost_one_itop_query_and_stay_within_what_the_user_may_see()
    {
        await RealItopReset.RunAsync();
        var url = new Uri(Environment.GetEnvironmentVariable("ITOP_TEST_URL")!);
        var counter = new ItopCallCounter();
        await using var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?> { ["Itop:BaseUrl"] = url.ToString(), ["Itop:Token"] = Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN") },
            counter.AddTo);
        using var console = new ItopConsole(url, RestAdminPassword);
        var lyon = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            lyon.Add((await console.CreateTicketAsync("Demande numéro " + i)).Ref);
        }

        var rennes = await console.CreateTicketAsync("Demande de Rennes", "Droits Moodle", "INSA Rennes");
        var (seen, _) = await SearchPages.ReadSevenAsync(host, counter, TestUsers.LyonSupport, "demande");
        Assert.Equal(lyon.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var desk = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Search(host, TestUsers.Nathalie, "rennes")));
        Assert.Equal([rennes.Ref], desk.Refs);

        var link = url + "pages/UI.php?operation=details&class=UserRequest&id=" + rennes.Ref;
        var restricted = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, link)));
        Assert.Equal(["Ticket " + rennes.Ref + " (accès restreint)"], restricted.PreviewTitles);
        var shown = MessageExtensionAnswer.Of(await host.PostActivityAsync(RecordedInvokes.Link(host, TestUsers.LyonSupport, url + "pages/UI.php?operation=details&class=UserRequest&id=" + lyon[0])));
        Assert.StartsWith(lyon[0] + " · Demande numéro 1", shown.PreviewTitles.Single(), StringComparison.Ordinal);
    }
}
