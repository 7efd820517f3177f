using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// The same client flows against a real iTop 3.2 with the Groupe INSA seed (ids are looked up, not assumed).
/// Creates one ticket and takes it to closed.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopTests
{
    [RealItopFact]
    public async Task Credentials_catalog_and_a_full_ticket_lifecycle()
    {
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings);
        var client = sp.GetRequiredService<ItopClient>();
        var desk = sp.GetRequiredService<ITicketDesk>();

        Assert.Contains("core/get", await client.ListOperationsAsync(default));
        if (Environment.GetEnvironmentVariable("ITOP_TEST_USER") is { Length: > 0 } user)
        {
            Assert.True(await client.CheckCredentialsAsync(user, Environment.GetEnvironmentVariable("ITOP_TEST_PASSWORD") ?? "", default));
        }

        Assert.False(await client.CheckCredentialsAsync("nobody-" + Guid.NewGuid().ToString("N"), "wrong", default));

        var catalog = await desk.GetCatalogAsync(default);
        var jean = await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default);
        Assert.NotNull(jean);
        var service = catalog.Services.Single(s => s.Name == "Droits Moodle");
        var sub = catalog.SelectableSubServicesOf(service.Id).Single(s => s.Name == "Droit de création de cours");
        var team = (await desk.GetTeamsAsync(default)).Single(t => t.Name == "Intervenants Moodle");
        var hamid = team.Members.Single(m => m.FullName == "Hamid Le Fleurier");

        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = jean!.OrgId, CallerId = jean.Id, Title = "Test automatique ChatOpsBot", Description = "Créé par RealItopTests.",
            ServiceId = service.Id, SubServiceId = sub.Id,
        }, new Actor(jean.Id, jean.FullName), default);
        var actor = new Actor(hamid.PersonId, hamid.FullName);
        Assert.Equal(TicketStatus.Assigned, (await desk.AssignAsync(ticket.Id, team.Id, hamid.PersonId, actor, default)).Status);
        await desk.AddLogEntryAsync(ticket.Id, "Test d'ajout d'entrée", isPublic: false, actor, default);
        Assert.Equal(TicketStatus.Resolved, (await desk.ResolveAsync(ticket.Id, "Test terminé.", null, null, actor, default)).Status);
        Assert.Equal(TicketStatus.Closed, (await desk.CloseAsync(ticket.Id, actor, default)).Status);
    }

    [RealItopFact]
    public async Task Approval_hand_over_and_approval_with_its_note()
    {
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings);
        var desk = sp.GetRequiredService<ITicketDesk>();
        var catalog = await desk.GetCatalogAsync(default);
        var jean = (await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default))!;
        var helene = (await desk.FindPersonByEmailAsync("helene.dechelette@insa-lyon.fr", default))!;
        var service = catalog.Services.Single(s => s.Name == "Droits Moodle");
        var actor = new Actor(jean.Id, jean.FullName);

        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = jean.OrgId, CallerId = jean.Id, Title = "Test automatique ChatOpsBot (approbation)", Description = "Créé par RealItopTests.", ServiceId = service.Id,
        }, actor, default);
        Assert.Equal(helene.Id, (await desk.RequestApprovalAsync(ticket.Id, helene.Id, actor, default)).ApproverId);

        var handed = await desk.HandToApproverAsync(ticket.Id, jean.Id, "Transmis par le test.", new Actor(helene.Id, helene.FullName), default);
        Assert.Equal((TicketStatus.WaitingForApproval, jean.Id), (handed.Status, handed.ApproverId!.Value));
        Assert.Contains(handed.PrivateLog, e => e.Text.Contains("Transmis par le test.", StringComparison.Ordinal));

        var approved = await desk.ApproveAsync(ticket.Id, "Approuvé par le test.", actor, default);
        Assert.Equal((TicketStatus.Approved, jean.Id), (approved.Status, approved.ApproverId!.Value));
        Assert.Contains(approved.PublicLog, e => e.Text.Contains("Approuvé par le test.", StringComparison.Ordinal));
    }
}
