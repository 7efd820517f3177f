using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.Itop.Tests.Sandbox;

/// <summary>The real desk against the in-process sandbox over HTTP, with the seed's ids (those of the corpus).</summary>
public sealed class SandboxIntegrationTests(ITestOutputHelper output)
{
    private const int InsaLyon = 3, DroitsMoodle = 4, DroitCreationCours = 8, IntervenantsMoodle = 19, Hamid = 3, Hugues = 5;
    private static readonly Actor HamidActor = new(Hamid, "Hamid Le Fleurier");
    private static readonly Actor JeanActor = new(11, "Jean Dupont");

    [Fact]
    public async Task Seed_flow_makes_one_write_per_action()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var counter = new RequestCounter();
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" },
            extra: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => counter)));
        var desk = sp.GetRequiredService<ITicketDesk>();

        Assert.True(await sp.GetRequiredService<ItopClient>().CheckCredentialsAsync("teams-bot", "sandbox", default));
        var jean = await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default);
        Assert.Equal((11, InsaLyon), (jean!.Id, jean.OrgId));
        var catalog = await desk.GetCatalogAsync(default);
        Assert.Contains(catalog.Briques, b => b.Name == "OpenMoodle");
        Assert.Contains(catalog.SelectableSubServicesOf(DroitsMoodle), s => s.Id == DroitCreationCours && s.Name == "Droit de création de cours");
        var teams = await desk.GetTeamsAsync(default);
        Assert.Contains(teams.Single(t => t.Id == IntervenantsMoodle).Members, m => m.FullName == "Hugues Le Moane");
        Report("warm-up (credentials, person, catalog, teams)", counter.Take());

        var created = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = InsaLyon, CallerId = jean.Id, Title = "Droit de création de cours pour Jean Dupont",
            Description = "Je souhaite créer des cours d'automne.\nUFR : Génie civil", ServiceId = DroitsMoodle, SubServiceId = DroitCreationCours,
        }, JeanActor, default);
        AssertCalls("create", ["core/create UserRequest"], counter.Take());
        Assert.Equal((TicketStatus.New, "Jean Dupont", "Droit de création de cours"), (created.Status, created.CallerName, created.SubServiceName));

        var id = created.Id;
        var assigned = await desk.AssignAsync(id, IntervenantsMoodle, Hamid, HamidActor, default);
        AssertCalls("assign", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_assign"], counter.Take());
        Assert.Equal((TicketStatus.Assigned, Hamid, "Hamid Le Fleurier"), (assigned.Status, assigned.AgentId!.Value, assigned.AgentName));

        var commented = await desk.AddLogEntryAsync(id, "Je m'en occupe <aujourd'hui> 👍", true, HamidActor, default);
        AssertCalls("comment", ["core/get UserRequest", "core/update UserRequest"], counter.Take());
        Assert.Contains(commented.PublicLog, e => e.Author == "Hamid Le Fleurier" && e.Message == "Je m'en occupe <aujourd'hui> 👍");

        var pending = await desk.SetPendingAsync(id, "En attente de l'accord du responsable d'UFR", HamidActor, default);
        AssertCalls("pending", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_pending"], counter.Take());
        Assert.Equal("En attente de l'accord du responsable d'UFR", pending.PendingReason);

        await desk.AssignAsync(id, null, null, HamidActor, default);
        AssertCalls("assign (back from pending)", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_assign"], counter.Take());

        var reassigned = await desk.ReassignAsync(id, null, Hugues, "Hugues, peux-tu regarder ?", HamidActor, default);
        AssertCalls("reassign", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_reassign"], counter.Take());
        Assert.Equal((IntervenantsMoodle, Hugues), (reassigned.TeamId!.Value, reassigned.AgentId!.Value));

        var hugues = new Actor(Hugues, "Hugues Le Moane");
        var resolved = await desk.ResolveAsync(id, "Droit accordé sur la catégorie Génie civil.", null, null, hugues, default);
        AssertCalls("resolve", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_resolve"], counter.Take());
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.Contains("Droit accordé", resolved.Solution, StringComparison.Ordinal);

        await desk.ReopenAsync(id, JeanActor, default);
        AssertCalls("reopen", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_reopen"], counter.Take());
        await desk.ResolveAsync(id, "Droit accordé (vérifié).", null, null, hugues, default);
        counter.Take();

        var closed = await desk.CloseAsync(id, JeanActor, default);
        AssertCalls("close", ["core/get UserRequest", "core/apply_stimulus UserRequest ev_close"], counter.Take());
        Assert.Equal(TicketStatus.Closed, closed.Status);

        var read = await desk.GetTicketAsync(TicketKey.FromRef(created.Ref), default);
        AssertCalls("read a ticket", ["core/get UserRequest"], counter.Take());
        Assert.Equal(TicketStatus.Closed, read!.Status);

        var mine = await desk.FindTicketsAsync(new TicketQuery { RequesterId = jean.Id, PageSize = 5 }, default);
        Assert.Contains(mine.Items, t => t.Id == id);
    }

    private void Report(string action, IReadOnlyList<string> calls) => output.WriteLine($"{action}: {calls.Count} call(s) [{string.Join(", ", calls)}]");

    private void AssertCalls(string action, string[] expected, IReadOnlyList<string> calls)
    {
        Report(action, calls);
        Assert.Equal(expected, calls);
    }
}
