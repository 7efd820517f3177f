using ChatOpsBot.Testing.RealItop;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Xunit;

namespace ChatOpsBot.Itop.Tests.RealItop;

/// <summary>
/// Issue 16 on the real iTop: the digest's and the duplicate check's reads (one request each, OR of criteria, NOT IN
/// the closed states) find what they must, and a C2IP team made by REST (the kit's seed has none) is seen with its members.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopOpenTicketReadsTests
{
    [RealItopFact]
    public async Task The_digest_and_duplicate_reads_are_one_request_each_and_find_the_open_ticket()
    {
        var requests = new RequestCounter();
        await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings,
            extra: s => s.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, requests))));
        var desk = sp.GetRequiredService<ITicketDesk>();
        var catalog = await desk.GetCatalogAsync(default);
        var jean = (await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default))!;
        var service = catalog.Services.Single(s => s.Name == "Droits Moodle");
        var sub = catalog.SelectableSubServicesOf(service.Id).Single(s => s.Name == "Droit de création de cours");
        var team = (await desk.GetTeamsAsync(default)).Single(t => t.Name == "Intervenants Moodle");
        var hamid = team.Members.Single(m => m.FullName == "Hamid Le Fleurier");
        var title = "Création de cours (test digest " + Guid.NewGuid().ToString("N")[..8] + ")";
        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = jean.OrgId, CallerId = jean.Id, Title = title, Description = "Créé par RealItopOpenTicketReadsTests.", ServiceId = service.Id, SubServiceId = sub.Id,
        }, new Actor(jean.Id, jean.FullName), default);

        foreach (var follow in new[]
        {
            new TicketFollow { ServiceIds = catalog.Services.Where(s => s.BriqueId == service.BriqueId).Select(s => s.Id).ToList() },
            new TicketFollow { OrgIds = [jean.OrgId], TeamIds = [team.Id] },
            new TicketFollow { PersonIds = [jean.Id] },
        })
        {
            requests.Reset();
            var open = await desk.FindOpenTicketsAsync(follow, 500, default);
            Assert.Equal(1, requests.Count);
            Assert.Contains(open.Items, t => t.Id == ticket.Id);
            Assert.DoesNotContain(open.Items, t => t.Status is TicketStatus.Closed or TicketStatus.Rejected);
        }

        requests.Reset();
        var same = await desk.FindLookalikesAsync(new TicketLookalike { OrgId = jean.OrgId, CallerId = jean.Id, SubServiceId = sub.Id }, 50, default);
        var close = await desk.FindLookalikesAsync(new TicketLookalike { OrgId = jean.OrgId, TitleWords = ["création", "digest"] }, 50, default);
        var otherSchool = await desk.FindLookalikesAsync(new TicketLookalike { OrgId = jean.OrgId + 1, CallerId = jean.Id, SubServiceId = sub.Id, TitleWords = ["digest"] }, 50, default);
        Assert.Equal(3, requests.Count);
        Assert.Contains(same, t => t.Id == ticket.Id);
        Assert.Contains(close, t => t.Id == ticket.Id);
        Assert.DoesNotContain(otherSchool, t => t.Id == ticket.Id);

        var actor = new Actor(hamid.PersonId, hamid.FullName);
        await desk.AssignAsync(ticket.Id, team.Id, hamid.PersonId, actor, default);
        await desk.ResolveAsync(ticket.Id, "Fait.", null, null, actor, default);
        await desk.CloseAsync(ticket.Id, actor, default);
        Assert.DoesNotContain((await desk.FindOpenTicketsAsync(new TicketFollow { PersonIds = [jean.Id] }, 500, default)).Items, t => t.Id == ticket.Id);
    }

    [RealItopFact]
    public async Task A_C2IP_team_made_by_REST_is_seen_with_its_members()
    {
        using var console = new ItopConsole(RealItopInstance.Url, "RestAdmin#2024");
        var existing = await console.CallAsync(new JsonObject { ["operation"] = "core/get", ["class"] = "Team", ["key"] = "SELECT Team WHERE name = 'C2IP'", ["output_fields"] = "name" });
        string? created = null;
        if (existing["objects"] is not JsonObject { Count: > 0 })
        {
            var reply = await console.CallAsync(new JsonObject
            {
                ["operation"] = "core/create",
                ["class"] = "Team",
                ["fields"] = new JsonObject
                {
                    ["name"] = "C2IP",
                    ["org_id"] = new JsonObject { ["name"] = "Groupe INSA" },
                    ["persons_list"] = new JsonArray(new JsonObject { ["person_id"] = new JsonObject { ["email"] = "richter.elric@insa-strasbourg.fr" } }),
                },
                ["output_fields"] = "name",
            });
            created = reply["objects"]!.AsObject().Single().Value!["key"]!.GetValue<string>();
        }

        try
        {
            await using var sp = DeskFactory.Build(RealItopInstance.Url, settings: RealItopInstance.Settings);
            var desk = sp.GetRequiredService<ITicketDesk>();
            var richter = (await desk.FindPersonByEmailAsync("richter.elric@insa-strasbourg.fr", default))!;
            var c2ip = Assert.Single(await desk.GetTeamsAsync(default), t => t.Name == "C2IP");
            Assert.True(c2ip.HasMember(richter.Id));
        }
        finally
        {
            if (created is not null)
            {
                await console.CallAsync(new JsonObject { ["operation"] = "core/delete", ["class"] = "Team", ["key"] = int.Parse(created, System.Globalization.CultureInfo.InvariantCulture), ["simulate"] = false });
            }
        }
    }

    private sealed class RequestCounter : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
