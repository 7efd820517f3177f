using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Cards;
using Xunit.Abstractions;

namespace ChatOpsBot.Bot.Tests.Actions;

/// <summary>
/// Issue 12: N simultaneous clicks of one card make exactly one write; the others find the card out of date. The card's
/// stamp is checked on the read made under the ticket's write lock, for every verb.
/// </summary>
public sealed class SimultaneousClickTests(ITestOutputHelper output)
{
    private const int Clicks = 8;
    private const string OutOfDate = "n'était plus à jour";

    [Fact]
    public async Task Eight_clicks_of_one_ticket_card_write_once_for_every_verb()
    {
        var log = new ItopRequestLog();
        await using var host = await BotTestHost.StartAsync(configureServices: log.AddTo);
        var (ticketId, _) = await SeedTicket.OpenTicketAsync(host);
        var assign = new Dictionary<string, string> { [CardInputIds.AssignTeam] = "19", [CardInputIds.AssignAgent] = "3" };

        await AllAtOnceAsync(host, log, "assign", TestUsers.Nathalie, ticketId, CardVerbs.Assign, assign);
        await AllAtOnceAsync(host, log, "comment", TestUsers.Hamid, ticketId, CardVerbs.Comment,
            new() { [CardInputIds.CommentText] = "Je m'en occupe.", [CardInputIds.CommentPublic] = "true" });
        await AllAtOnceAsync(host, log, "pending", TestUsers.Hamid, ticketId, CardVerbs.Pending, new() { [CardInputIds.PendingReason] = "En attente de l'UFR." });
        await AllAtOnceAsync(host, log, "back from pending", TestUsers.Hamid, ticketId, CardVerbs.Assign, assign);
        await AllAtOnceAsync(host, log, "reassign with a note", TestUsers.Hamid, ticketId, CardVerbs.Reassign,
            new() { [CardInputIds.ReassignAgent] = "5", [CardInputIds.ReassignNote] = "Hugues, à toi." });
        var resolve = new Dictionary<string, string> { [CardInputIds.ResolveService] = "4", [CardInputIds.ResolveSolution] = "Droit accordé." };
        await AllAtOnceAsync(host, log, "resolve", TestUsers.Hugues, ticketId, CardVerbs.Resolve, resolve);
        await AllAtOnceAsync(host, log, "reopen", TestUsers.LyonSupport, ticketId, CardVerbs.Reopen, new() { [CardInputIds.ReopenReason] = "Toujours pas de droit." });
        await AllAtOnceAsync(host, log, "resolve again", TestUsers.Hugues, ticketId, CardVerbs.Resolve, resolve);
        await AllAtOnceAsync(host, log, "close", TestUsers.LyonSupport, ticketId, CardVerbs.Close, []);

        var ticket = await host.Itop.GetTicketAsync(ticketId);
        Assert.Equal("closed", ticket["status"]!.GetValue<string>());
        // The comment and the reopen's reason, each once.
        Assert.Equal(2, ticket["public_log"]!["entries"]!.AsArray().Count);
        Assert.Single(ticket["public_log"]!["entries"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("Toujours pas de droit.", StringComparison.Ordinal));
        Assert.Single(ticket["private_log"]!["entries"]!.AsArray(), e => e!["message"]!.GetValue<string>().Contains("Hugues, à toi.", StringComparison.Ordinal));
        host.AssertAllCardsValid();
    }

    [Fact]
    public async Task Eight_clicks_of_one_approval_card_write_once_for_every_verb()
    {
        var log = new ItopRequestLog();
        await using var host = await ApprovalHost.StartAsync(services: log.AddTo);

        var (approved, _) = await ApprovalHost.OpenWithApprovalAsync(host);
        await AllAtOnceAsync(host, log, "approve", ApprovalHost.Helene, ApprovalHost.ApprovalCardIn(host, ApprovalHost.Helene), CardVerbs.Approve,
            new() { [CardInputIds.ApproveComment] = "D'accord." });
        var (rejected, _) = await ApprovalHost.OpenWithApprovalAsync(host);
        await AllAtOnceAsync(host, log, "reject", ApprovalHost.Eloise, ApprovalHost.ApprovalCardIn(host, ApprovalHost.Eloise), CardVerbs.Reject,
            new() { [CardInputIds.RejectComment] = "Pilote complet." });
        var (handed, _) = await ApprovalHost.OpenWithApprovalAsync(host);
        await AllAtOnceAsync(host, log, "hand over", ApprovalHost.Helene, ApprovalHost.ApprovalCardIn(host, ApprovalHost.Helene), CardVerbs.HandOffApproval,
            new() { [CardInputIds.HandOffApprover] = "2", [CardInputIds.HandOffComment] = "Absente." });

        Assert.Single(Entries(await host.Itop.GetTicketAsync(approved), "public_log"), m => m.Contains("Demande approuvée", StringComparison.Ordinal));
        Assert.Single(Entries(await host.Itop.GetTicketAsync(rejected), "public_log"), m => m.Contains("Demande refusée", StringComparison.Ordinal));
        Assert.Single(Entries(await host.Itop.GetTicketAsync(handed), "private_log"), m => m.Contains("transmise par", StringComparison.Ordinal));
    }

    private Task AllAtOnceAsync(BotTestHost host, ItopRequestLog log, string what, TestUser user, int ticketId, string verb, Dictionary<string, string> inputs) =>
        host.SendForCardAsync(user, "/ticket " + ticketId).ContinueWith(card => AllAtOnceAsync(host, log, what, user, card.Result, verb, inputs), TaskScheduler.Default).Unwrap();

    /// <summary>The same click of the same card, <see cref="Clicks"/> times at once: one write, the others out of date.</summary>
    private async Task AllAtOnceAsync(BotTestHost host, ItopRequestLog log, string what, TestUser user, SentActivity message, string verb, Dictionary<string, string> inputs)
    {
        log.Take();
        var answers = await Task.WhenAll(Enumerable.Range(0, Clicks).Select(_ => host.ClickAsync(user, message, message.Card!, verb, inputs)));
        var calls = log.Take();
        var writes = calls.Where(ItopRequestLog.IsWrite).ToList();
        var late = answers.Count(a => a.CardText.Contains(OutOfDate, StringComparison.Ordinal));
        output.WriteLine($"{what}: {Clicks} clicks → {calls.Count - writes.Count} read(s), {writes.Count} write(s) [{string.Join(", ", writes)}], {late} out of date");
        Assert.Single(writes);
        Assert.Equal(Clicks - 1, late);
        Assert.Single(answers, a => !a.CardText.Contains(OutOfDate, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Entries(JsonObject ticket, string log) =>
        ticket[log]!["entries"]!.AsArray().Select(e => e!["message"]!.GetValue<string>());
}
