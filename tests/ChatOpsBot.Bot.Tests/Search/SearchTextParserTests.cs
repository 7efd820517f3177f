using ChatOpsBot.Bot.LinkUnfurling;
using ChatOpsBot.Bot.Search;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Tests.Search;

/// <summary>How a search text, a Teams page and a pasted iTop URL are read (issue 16).</summary>
public sealed class SearchTextParserTests
{
    private static readonly IReadOnlyList<TicketStatus> Ongoing = Enum.GetValues<TicketStatus>().Where(s => s.IsOngoing()).ToList();

    [Theory]
    [InlineData("R-000012", "R-000012")]
    [InlineData("r-12", "R-000012")]
    [InlineData("12", "R-000012")]
    [InlineData("ticket R12", "R-000012")]
    public void A_reference_in_any_form_is_the_ticket_reference(string text, string reference)
    {
        var criteria = SearchTextParser.Parse(text, Seed.Catalog);

        Assert.Equal(reference, criteria.Ref);
        Assert.Empty(criteria.Words);
    }

    [Fact]
    public void Status_words_mine_school_brique_and_service_are_recognized_and_the_rest_are_words()
    {
        var criteria = SearchTextParser.Parse("Tickets ouverts à moi INSA Lyon Droits Moodle pour Jean Dûpont", Seed.Catalog);

        Assert.Equal(Ongoing, criteria.Statuses);
        Assert.True(criteria.Mine);
        Assert.Equal(Seed.Lyon.Id, criteria.OrgId);
        Assert.Equal([4], criteria.ServiceIds);
        Assert.Equal(["jean", "dupont"], criteria.Words);
    }

    [Theory]
    [InlineData("en attente", TicketStatus.Pending)]
    [InlineData("EN ATTENTE d'approbation", TicketStatus.WaitingForApproval)]
    [InlineData("pending", TicketStatus.Pending)]
    [InlineData("résolus", TicketStatus.Resolved)]
    [InlineData("closed", TicketStatus.Closed)]
    [InlineData("nouveaux", TicketStatus.New)]
    public void One_status_word_gives_its_status(string text, TicketStatus status)
    {
        Assert.Equal([status], SearchTextParser.Parse(text, Seed.Catalog).Statuses);
    }

    [Fact]
    public void A_brique_gives_its_services_a_word_of_one_school_its_school_and_a_shared_word_nothing()
    {
        Assert.Equal([4, 5], SearchTextParser.Parse("openmoodle", Seed.Catalog).ServiceIds);
        Assert.Equal([1, 2], SearchTextParser.Parse("Scenari", Seed.Catalog).ServiceIds);
        Assert.Equal(Seed.Toulouse.Id, SearchTextParser.Parse("toulouse", Seed.Catalog).OrgId);
        Assert.Equal(Seed.Lyon.Id, SearchTextParser.Parse("insa-lyon", Seed.Catalog).OrgId);
        var shared = SearchTextParser.Parse("insa", Seed.Catalog);
        Assert.Null(shared.OrgId);
        Assert.Equal(["insa"], shared.Words);
    }

    [Fact]
    public void Words_are_cut_and_counted_stop_words_and_punctuation_dropped()
    {
        var criteria = SearchTextParser.Parse("le cours de la « restauration » ; " + new string('x', 100) + " bb cc dd ee ff gg hh", Seed.Catalog);

        Assert.Equal(SearchTextParser.MaxWords, criteria.Words.Count);
        Assert.Equal(["cours", "restauration", new string('x', SearchTextParser.MaxWordLength)], criteria.Words.Take(3));
        Assert.Equal(new SearchCriteria(), SearchTextParser.Parse("  ", Seed.Catalog) with { Words = [] });
    }

    [Theory]
    [InlineData(0, 25, 1, 25, 0)]
    [InlineData(25, 25, 2, 25, 0)]
    [InlineData(6, 3, 3, 3, 0)]
    [InlineData(5, 10, 1, 15, 5)]
    [InlineData(7, 3, 2, 5, 2)]
    public void A_teams_page_is_one_itop_page_that_holds_it(int skip, int count, int page, int size, int offset)
    {
        var window = PageWindow.For(skip, count);

        Assert.Equal(new PageWindow(page, size, offset), window);
        Assert.True((window.Page - 1) * window.Size + window.Offset == skip && window.Offset + count <= window.Size);
    }

    [Theory]
    [InlineData("https://itop.example/pages/UI.php?operation=details&class=UserRequest&id=12", 12, null, "#12")]
    [InlineData("https://itop.example/itop/pages/UI.php?operation=details&class=UserRequest&id=R-000012&c%5Bmenu%5D=x", null, "R-000012", "R-000012")]
    [InlineData("https://itop.example/pages/UI.php?operation=details&class=UserRequest&attcode=ref&attvalue=r-000012", null, "R-000012", "R-000012")]
    [InlineData("https://itop.example/pages/exec.php/object/view/UserRequest/12?exec_module=itop-portal-base&exec_page=index.php&portal_id=itop-portal", 12, null, "#12")]
    [InlineData("https://itop.example/pages/exec.php/object/view/UserRequest/ref/R-000012?exec_module=itop-portal-base", null, "R-000012", "R-000012")]
    public void Console_and_portal_ticket_urls_name_their_ticket(string url, int? id, string? reference, string label)
    {
        var link = ItopTicketLink.Parse(new Uri(url));

        Assert.NotNull(link);
        Assert.Equal((id, reference, label), (link.Key.Id, link.Key.Ref, link.Label));
    }

    [Theory]
    [InlineData("https://itop.example/pages/UI.php?operation=details&class=Person&id=12")]
    [InlineData("https://itop.example/pages/UI.php?operation=modify&class=UserRequest&id=12")]
    [InlineData("https://itop.example/pages/UI.php?operation=details&class=UserRequest&id=0")]
    [InlineData("https://itop.example/pages/UI.php?operation=details&class=UserRequest&id=R-12' OR 1=1")]
    [InlineData("https://itop.example/pages/exec.php/object/view/Incident/12")]
    [InlineData("https://itop.example/pages/exec.php/object/edit/UserRequest/12")]
    [InlineData("https://itop.example/")]
    public void Other_pages_name_no_ticket(string url)
    {
        Assert.Null(ItopTicketLink.Parse(new Uri(url)));
    }
}
