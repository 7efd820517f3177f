using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Bot.Tests.RealItop;
using ChatOpsBot.Cards;
using ChatOpsBot.Tickets;
using Xunit.Abstractions;

namespace ChatOpsBot.Bot.Tests.Actions;

/// <summary>
/// Issue 11: a card click is one read of the ticket (the one its rules are checked on) and one write that carries the
/// click's text, counted at the HTTP boundary, against the sandbox and against a real iTop.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class ClickRequestTests(ITestOutputHelper output)
{
    private const string Read = "core/get UserRequest";
    private const string Done = "C'est fait.";

    [Fact]
    public Task Each_click_is_one_read_and_one_write_on_the_sandbox() => RunAsync(null);

    [RealItopFact(ResetsItop = true)]
    public Task Each_click_is_one_read_and_one_write_on_the_real_iTop() => RunAsync(RealItopSettings.For());

    [Fact]
    public async Task The_first_command_after_start_does_not_pay_for_the_catalog()
    {
        var log = new ItopRequestLog();
        await using var host = await BotTestHost.StartAsync(configureServices: log.AddTo);
        var atStart = log.Take();
        Assert.Equal(new[] { "Organization", "Service", "ServiceFamily", "ServiceSubcategory", "CustomerContract", "Team" }.Order(),
            atStart.Select(c => c.Split(' ')[1]).Order());

        // The form needs the catalog, the user's roles need the teams: both are warm. Only people are looked up (the user,
        // and the school's people the ticket can be for).
        var form = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket Droits Moodle pour Jean");
        Assert.Contains("OpenMoodle", form.CardText);
        Assert.All(log.Take(), call => Assert.Equal("core/get Person", call));
    }

    private async Task RunAsync(IDictionary<string, string?>? settings)
    {
        var log = new ItopRequestLog();
        await using var host = await ApprovalHost.StartAsync(settings, log.AddTo);
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);

        var nathalie = await host.SendForCardAsync(TestUsers.Nathalie, "/ticket " + ticketId);
        // The brique's team is pre-selected with its agents listed: the desk only picks the agent (issue 14).
        var assigned = await ClickAsync(host, log, "assign", "core/apply_stimulus UserRequest ev_assign", TestUsers.Nathalie, nathalie, nathalie.Card!, CardVerbs.Assign,
            CardJson.DefaultInputs(nathalie.Card!, new Dictionary<string, string> { [CardInputIds.AssignAgent] = "3" }));
        Assert.Contains("Hamid Le Fleurier", assigned.CardText);

        var hamid = await host.SendForCardAsync(TestUsers.Hamid, "/ticket " + ticketId);
        var commented = await ClickAsync(host, log, "comment", "core/update UserRequest", TestUsers.Hamid, hamid, hamid.Card!, CardVerbs.Comment,
            new() { [CardInputIds.CommentText] = "Je regarde cela aujourd'hui.", [CardInputIds.CommentPublic] = "true" });
        Assert.Contains("Je regarde cela aujourd'hui.", commented.CardText);
        var pending = await ClickAsync(host, log, "pending (with its reason)", "core/apply_stimulus UserRequest ev_pending", TestUsers.Hamid, hamid, commented.Card, CardVerbs.Pending,
            new() { [CardInputIds.PendingReason] = "En attente du numéro d'étudiant." });
        Assert.Equal("En attente du numéro d'étudiant.", (await TicketAsync(host, log, ticketId)).PendingReason);
        var back = await ClickAsync(host, log, "resume (back from pending)", "core/apply_stimulus UserRequest ev_assign", TestUsers.Hamid, hamid, pending.Card, CardVerbs.Resume, []);
        Assert.Equal((TicketStatus.Assigned, 19, 3), Assignment(await TicketAsync(host, log, ticketId)));
        var reassigned = await ClickAsync(host, log, "reassign (with its note)", "core/apply_stimulus UserRequest ev_reassign", TestUsers.Hamid, hamid, back.Card, CardVerbs.Reassign,
            new() { [CardInputIds.ReassignAgent] = "5", [CardInputIds.ReassignNote] = "Hugues, peux-tu faire l'action d'administration ?" });
        Assert.Contains("Hugues Le Moane", reassigned.CardText);
        var note = (await TicketAsync(host, log, ticketId)).PrivateLog[^1];
        Assert.Equal(("Hamid Le Fleurier", "Réassigné à Hugues Le Moane (Intervenants Moodle).\nHugues, peux-tu faire l'action d'administration ?"), (note.Author, note.Message));

        var taken = await ClickAsync(host, log, "take it", "core/apply_stimulus UserRequest ev_reassign", TestUsers.Hamid, hamid, reassigned.Card, CardVerbs.TakeIt, []);
        Assert.Equal((TicketStatus.Assigned, 19, 3), Assignment(await TicketAsync(host, log, ticketId)));
        Assert.DoesNotContain(CardVerbs.TakeIt, CardJson.Verbs(taken.Card));

        var hugues = await host.SendForCardAsync(TestUsers.Hugues, "/ticket " + ticketId);
        await ClickAsync(host, log, "resolve (with its solution)", "core/apply_stimulus UserRequest ev_resolve", TestUsers.Hugues, hugues, hugues.Card!, CardVerbs.Resolve,
            new() { [CardInputIds.ResolveService] = "4", [CardInputIds.ResolveSubService] = "8", [CardInputIds.ResolveSolution] = "Droit accordé." });
        var lyon = await host.SendForCardAsync(TestUsers.LyonSupport, "/ticket " + ticketId);
        var reopened = await ClickAsync(host, log, "reopen", "core/apply_stimulus UserRequest ev_reopen", TestUsers.LyonSupport, lyon, lyon.Card!, CardVerbs.Reopen,
            new() { [CardInputIds.ReopenReason] = "Le droit n'apparaît pas encore." });
        // The reason went to the public log with ev_reopen, in that one write, under the name of who reopened it.
        var why = (await TicketAsync(host, log, ticketId)).PublicLog[^1];
        Assert.Equal((TestUsers.LyonSupport.Name, "Le droit n'apparaît pas encore."), (why.Author, why.Message));
        hugues = await host.SendForCardAsync(TestUsers.Hugues, "/ticket " + ticketId);
        await ClickAsync(host, log, "resolve again", "core/apply_stimulus UserRequest ev_resolve", TestUsers.Hugues, hugues, hugues.Card!, CardVerbs.Resolve,
            new() { [CardInputIds.ResolveService] = "4", [CardInputIds.ResolveSolution] = "Droit accordé (vérifié)." });
        var refreshed = await ClickAsync(host, log, "refresh", "", TestUsers.LyonSupport, lyon, reopened.Card, CardVerbs.Refresh, [], expectWrite: false);
        var closed = await ClickAsync(host, log, "close", "core/apply_stimulus UserRequest ev_close", TestUsers.LyonSupport, lyon, refreshed.Card, CardVerbs.Close, []);
        Assert.Empty(CardJson.Verbs(closed.Card));

        // A ticket that must be approved: the duplicate check (one query of the open tickets), its creation, then the request
        // for approval (one read, one stimulus), then no other ticket call; people (the approvers looked up by e-mail) come
        // from the desk's cache after the first time.
        log.Take();
        await ApprovalHost.OpenWithApprovalAsync(host);
        var opening = log.Take().Where(c => !c.StartsWith("core/get Person", StringComparison.Ordinal)).ToList();
        output.WriteLine($"open with approval: [{string.Join(", ", opening)}]");
        Assert.Equal([Read, "core/create UserRequest", Read, "core/apply_stimulus UserRequest ev_wait_for_approval"], opening);

        // Approvals: the decision's note (with the approver's comment or reason) goes with its stimulus.
        var helene = ApprovalHost.ApprovalCardIn(host, ApprovalHost.Helene);
        var approved = await ClickAsync(host, log, "approve (with its comment)", "core/apply_stimulus UserRequest ev_approve", ApprovalHost.Helene, helene, helene.Card!, CardVerbs.Approve,
            new() { [CardInputIds.ApproveComment] = "Accord de la direction des études." }, done: "Approuvé par Hélène Dechelette");
        Assert.DoesNotContain(CardVerbs.Approve, CardJson.Verbs(approved.Card));

        await ApprovalHost.OpenWithApprovalAsync(host);
        helene = ApprovalHost.ApprovalCardIn(host, ApprovalHost.Helene);
        await ClickAsync(host, log, "hand over (with its message)", "core/update UserRequest", ApprovalHost.Helene, helene, helene.Card!, CardVerbs.HandOffApproval,
            new() { [CardInputIds.HandOffApprover] = "2", [CardInputIds.HandOffComment] = "Je suis absente." }, done: "Demande transmise à Eloise Joyeux.");
        var eloise = await host.Teams.WaitForAsync(s => s.Method == "PUT" && s.ConversationId == ApprovalHost.Eloise.ConversationId && s.CardText.Contains("Eloise Joyeux", StringComparison.Ordinal));
        var rejected = await ClickAsync(host, log, "reject (with its reason)", "core/apply_stimulus UserRequest ev_reject", ApprovalHost.Eloise, eloise, eloise.Card!, CardVerbs.Reject,
            new() { [CardInputIds.RejectComment] = "Le pilote est complet." }, done: "Refusé par Eloise Joyeux");
        Assert.DoesNotContain(CardVerbs.Reject, CardJson.Verbs(rejected.Card));
    }

    /// <summary>Clicks, then checks what reached iTop during the click: the ticket read once, then the expected write (or none).</summary>
    private async Task<InvokeResult> ClickAsync(BotTestHost host, ItopRequestLog log, string what, string write, TestUser user, SentActivity message,
        System.Text.Json.Nodes.JsonObject card, string verb, Dictionary<string, string> inputs, bool expectWrite = true, string done = Done)
    {
        log.Take();
        var result = await host.ClickAsync(user, message, card, verb, inputs);
        var calls = log.Take();
        output.WriteLine($"{what}: {calls.Count} call(s) [{string.Join(", ", calls)}]");
        Assert.Equal(expectWrite ? [Read, write] : [Read], calls);
        if (expectWrite)
        {
            Assert.Contains(done, result.CardText);
        }

        return result;
    }

    private static (TicketStatus, int?, int?) Assignment(Ticket ticket) => (ticket.Status, ticket.TeamId, ticket.AgentId);

    private static async Task<Ticket> TicketAsync(BotTestHost host, ItopRequestLog log, int ticketId)
    {
        var desk = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ITicketDesk>(host.Services);
        var ticket = (await desk.GetTicketAsync(ticketId, default))!;
        log.Take();
        return ticket;
    }
}
