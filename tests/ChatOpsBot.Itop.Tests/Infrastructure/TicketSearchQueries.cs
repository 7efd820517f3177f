using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>
/// The message extension's searches (issue 16) as the desk sends them: each criterion, the visibility OR-group and the
/// paging, each one iTop query. Run against the sandbox and against the real iTop (after a reset, so only these tickets
/// exist), with the same expectations.
/// </summary>
internal static class TicketSearchQueries
{
    private const int JeanDupont = 11, IsabelleBeladj = 6, HuguesLeMoane = 5, SupportLyon = 12, RichterElric = 10;
    private const int InsaLyon = 3, InsaToulouse = 4, InsaRennes = 5, InsaStrasbourg = 6;
    private const int IntervenantsScenari = 20, SupportLyonTeam = 21, SupportStrasbourgTeam = 24;

    public static async Task RunAsync(ITicketDesk desk, RequestCounter counter)
    {
        var catalog = await desk.GetCatalogAsync(default);
        var lyon = await CreateAsync(desk, catalog, InsaLyon, JeanDupont, "Droits Moodle pour un enseignant", "Droits Moodle");
        var toulouse = await CreateAsync(desk, catalog, InsaToulouse, IsabelleBeladj, "Publication en panne", "Publication Scénari");
        var rennes = await CreateAsync(desk, catalog, InsaRennes, HuguesLeMoane, "Cours à restaurer", "Gestion des cours Moodle");
        counter.Take();

        async Task<IReadOnlyList<string>> Find(TicketQuery query)
        {
            var page = await desk.FindTicketsAsync(query, default);
            Assert.Equal(["core/get UserRequest"], counter.Take());
            return page.Items.Select(t => t.Ref).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Equal([lyon.Ref], await Find(new TicketQuery { Words = ["dupônt"] }));
        Assert.Equal([rennes.Ref], await Find(new TicketQuery { Words = ["RESTAURER", "cours"] }));
        Assert.Equal([lyon.Ref], await Find(new TicketQuery { Ref = lyon.Ref }));
        Assert.Equal([toulouse.Ref], await Find(new TicketQuery { ServiceIds = [Service(catalog, "Publication Scénari")] }));
        Assert.Equal([rennes.Ref], await Find(new TicketQuery { OrgId = InsaRennes, Statuses = [TicketStatus.New] }));
        Assert.Equal([toulouse.Ref], await Find(new TicketQuery { InvolvedPersonId = IsabelleBeladj }));
        Assert.Empty(await Find(new TicketQuery { Words = ["x' OR '1'='1"] }));

        // The Lyon support: its team's and its school's tickets only.
        Assert.Equal([lyon.Ref], await Find(new TicketQuery { VisibleTo = new TicketVisibility(SupportLyon) { TeamIds = [SupportLyonTeam], OrgIds = [InsaLyon] } }));
        // Richter Elric, intervenant of Scénari and support of Strasbourg: the Scénari ticket only.
        var scenari = catalog.Services.Where(s => s.BriqueId == catalog.Briques.Single(b => b.Name == "Scénari").Id).Select(s => s.Id).ToList();
        Assert.Equal([toulouse.Ref], await Find(new TicketQuery
        {
            VisibleTo = new TicketVisibility(RichterElric) { TeamIds = [IntervenantsScenari, SupportStrasbourgTeam], OrgIds = [InsaStrasbourg], ServiceIds = scenari },
        }));
        // Nobody's: nothing.
        Assert.Empty(await Find(new TicketQuery { VisibleTo = new TicketVisibility(RichterElric) }));

        var first = await desk.FindTicketsAsync(new TicketQuery { Words = ["e"], Page = 1, PageSize = 2 }, default);
        var second = await desk.FindTicketsAsync(new TicketQuery { Words = ["e"], Page = 2, PageSize = 2 }, default);
        Assert.Equal(["core/get UserRequest", "core/get UserRequest"], counter.Take());
        Assert.Equal((3, 2, 1), (first.Total, first.Items.Count, second.Items.Count));
        Assert.Equal(
            new[] { lyon.Ref, toulouse.Ref, rennes.Ref }.Order(StringComparer.Ordinal),
            first.Items.Concat(second.Items).Select(t => t.Ref).Order(StringComparer.Ordinal));
    }

    private static Task<Ticket> CreateAsync(ITicketDesk desk, ServiceCatalog catalog, int org, int caller, string title, string service) =>
        desk.CreateTicketAsync(
            new TicketDraft { OrgId = org, CallerId = caller, Title = title, Description = "Créé par TicketSearchQueries.", ServiceId = Service(catalog, service) },
            new Actor(caller, "test"),
            default);

    private static int Service(ServiceCatalog catalog, string name) => catalog.Services.Single(s => s.Name == name).Id;
}
