using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Itop.Desk;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOpsBot.Benchmarks.Clicks;

/// <summary>
/// Issue 11's goal, measured against a real iTop: click → answer latency of each card action (median, p90) and the
/// iTop calls each click makes, beside iTop's own read and write latency (the same calls with the desk's output fields).
/// Each round takes a new ticket of INSA Lyon through the lifecycle as the group desk (Nathalie Matheu), and two more
/// through an approval (Hélène Dechelette approves one, rejects the other). The first rounds warm the JIT, not counted.
/// Usage: <c>clicks --itop-url URL --itop-token TOKEN [--rounds 20] [--warmup 2]</c> (or ITOP_TEST_URL / ITOP_TEST_TOKEN).
/// </summary>
internal static class ClickRun
{
    private const string UserRequest = "UserRequest";
    private const string Done = "C'est fait.";
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args)
    {
        var url = BenchmarkArgs.Text(args, "--itop-url", "ITOP_TEST_URL");
        var token = BenchmarkArgs.Text(args, "--itop-token", "ITOP_TEST_TOKEN");
        if (url is null || token is null)
        {
            Console.Error.WriteLine("clicks: give the iTop with --itop-url and --itop-token (or ITOP_TEST_URL and ITOP_TEST_TOKEN).");
            return 2;
        }

        var rounds = BenchmarkArgs.Int(args, "--rounds", 20);
        var warmup = BenchmarkArgs.Int(args, "--warmup", 2);
        await using var host = await ClickHost.StartAsync(new Uri(url), token);
        var samples = new Samples();
        for (var round = 0; round < warmup + rounds; round++)
        {
            var kept = round >= warmup ? samples : new Samples();
            await LifecycleAsync(host, kept);
            await ApprovalAsync(host, kept, approve: true);
            await ApprovalAsync(host, kept, approve: false);
            await RawItopAsync(host, kept);
            Console.Error.WriteLine($"round {round + 1}/{warmup + rounds}{(round < warmup ? " (warm-up)" : "")}");
        }

        ClickReport.Print(samples, rounds);
        return samples.AllOneReadOneWrite ? 0 : 1;
    }

    private static async Task LifecycleAsync(ClickHost host, Samples samples)
    {
        var desk = host.Services.GetRequiredService<ITicketDesk>();
        var nathalie = new Actor(8, "Nathalie Matheu");
        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = 3, CallerId = 11, Title = "Benchmark des clics", Description = "Créé par le benchmark clicks.", ServiceId = 4, SubServiceId = 8,
        }, nathalie, default);
        var stamp = TicketStamp.Of(ticket);
        var assign = new JsonObject { [CardInputIds.AssignTeam] = "19", [CardInputIds.AssignAgent] = "3" };
        stamp = await ClickAsync(host, samples, "assign", ClickHost.Nathalie, CardVerbs.Assign, ticket.Id, stamp, assign, Done);
        stamp = await ClickAsync(host, samples, "comment", ClickHost.Nathalie, CardVerbs.Comment, ticket.Id, stamp,
            new JsonObject { [CardInputIds.CommentText] = "Je regarde.", [CardInputIds.CommentPublic] = "true" }, Done);
        stamp = await ClickAsync(host, samples, "pending (with its reason)", ClickHost.Nathalie, CardVerbs.Pending, ticket.Id, stamp,
            new JsonObject { [CardInputIds.PendingReason] = "En attente de l'UFR." }, Done);
        stamp = await ClickAsync(host, samples, "resume (back from pending)", ClickHost.Nathalie, CardVerbs.Resume, ticket.Id, stamp, [], Done);
        stamp = await ClickAsync(host, samples, "reassign (with its note)", ClickHost.Nathalie, CardVerbs.Reassign, ticket.Id, stamp,
            new JsonObject { [CardInputIds.ReassignAgent] = "5", [CardInputIds.ReassignNote] = "Hugues, à toi." }, Done);
        // Nathalie is also an intervenant of the team (Intervenants Moodle): she takes it back from Hugues.
        stamp = await ClickAsync(host, samples, "take it", ClickHost.Nathalie, CardVerbs.TakeIt, ticket.Id, stamp, [], Done);
        stamp = await ClickAsync(host, samples, "resolve (with its solution)", ClickHost.Nathalie, CardVerbs.Resolve, ticket.Id, stamp,
            new JsonObject { [CardInputIds.ResolveService] = "4", [CardInputIds.ResolveSolution] = "Droit accordé." }, Done);
        await ClickAsync(host, samples, "reopen", ClickHost.Nathalie, CardVerbs.Reopen, ticket.Id, stamp,
            new JsonObject { [CardInputIds.ReopenReason] = "Toujours pas de droit." }, Done);
        stamp = TicketStamp.Of(await desk.ResolveAsync(ticket.Id, "Droit accordé (vérifié).", null, null, nathalie, default));
        await ClickAsync(host, samples, "close", ClickHost.Nathalie, CardVerbs.Close, ticket.Id, stamp, [], Done);
    }

    private static async Task ApprovalAsync(ClickHost host, Samples samples, bool approve)
    {
        var desk = host.Services.GetRequiredService<ITicketDesk>();
        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = 3, CallerId = 11, Title = "Benchmark des approbations", Description = "Créé par le benchmark clicks.", ServiceId = 4,
        }, new Actor(8, "Nathalie Matheu"), default);
        // Sent for approval from the ticket card by the group desk (not timed): the round and Hélène's card exist from then on.
        var sent = await host.ClickAsync(ClickHost.Nathalie, CardVerbs.HandToApprover, Data(ticket.Id, TicketStamp.Of(ticket), []));
        var stamp = StampIn(sent.Answer) ?? throw new InvalidOperationException("Not sent for approval: " + sent.Answer);
        var data = Data(ticket.Id, stamp, approve
            ? new JsonObject { [CardInputIds.ApproveComment] = "Accord de la direction." }
            : new JsonObject { [CardInputIds.RejectComment] = "Pilote complet." });
        data["scope"] = CardActionData.ApprovalScope;
        await MeasureAsync(samples, approve ? "approve (with its comment)" : "reject (with its reason)", () => host.ClickAsync(ClickHost.Helene, approve ? CardVerbs.Approve : CardVerbs.Reject, data),
            approve ? "Approuvé par Hélène Dechelette" : "Refusé par Hélène Dechelette");
    }

    /// <summary>iTop alone: the read a click makes, a case-log append and a stimulus with its case-log line, on a ticket of its own.</summary>
    private static async Task RawItopAsync(ClickHost host, Samples samples)
    {
        var client = host.Services.GetRequiredService<ItopClient>();
        var desk = host.Services.GetRequiredService<ITicketDesk>();
        var nathalie = new Actor(8, "Nathalie Matheu");
        var ticket = await desk.CreateTicketAsync(new TicketDraft { OrgId = 3, CallerId = 11, Title = "Benchmark iTop brut", Description = "Lectures et écritures." }, nathalie, default);
        await desk.AssignAsync(ticket.Id, 19, 3, nathalie, default);
        var log = (string html) => new JsonObject { ["add_item"] = new JsonObject { ["message"] = html, ["format"] = "html" } };
        samples.Add("iTop read (core/get)", await Time(() => client.GetAsync(UserRequest, JsonValue.Create(ticket.Id)!, ItopFields.Ticket, null, null, default)));
        samples.Add("iTop write (core/update, a log entry)", await Time(() => client.UpdateAsync(UserRequest, ticket.Id,
            new JsonObject { ["public_log"] = log("<p>Entrée du benchmark.</p>") }, "Nathalie Matheu via Teams", ItopFields.Ticket, default)));
        samples.Add("iTop write (core/apply_stimulus + its log line)", await Time(() => client.ApplyStimulusAsync(UserRequest, ticket.Id, "ev_pending",
            new JsonObject { ["pending_reason"] = "Benchmark.", ["private_log"] = log("<p>Mis en attente.</p>") }, "Nathalie Matheu via Teams", ItopFields.Ticket, default)));
    }

    private static async Task<string> ClickAsync(ClickHost host, Samples samples, string what, string user, string verb, int ticketId, string stamp, JsonObject inputs, string expected)
    {
        var answer = await MeasureAsync(samples, what, () => host.ClickAsync(user, verb, Data(ticketId, stamp, inputs)), expected);
        return StampIn(answer) ?? stamp;
    }

    private static async Task<string> MeasureAsync(Samples samples, string what, Func<Task<(TimeSpan Elapsed, long Reads, long Writes, TimeSpan InItop, string Answer)>> click, string expected)
    {
        var (elapsed, reads, writes, inItop, answer) = await click();
        var text = JsonNode.Parse(answer)!.ToJsonString(Readable);
        if (!text.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what}: the answer does not say \"{expected}\": {answer}");
        }

        samples.Add(what, elapsed, reads, writes);
        samples.Add(Samples.BotOwn(what), elapsed - inItop);
        return answer;
    }

    private static JsonObject Data(int ticketId, string stamp, JsonObject inputs)
    {
        var data = new JsonObject { ["ticketId"] = ticketId.ToString(CultureInfo.InvariantCulture), ["stamp"] = stamp };
        foreach (var (key, value) in inputs)
        {
            data[key] = value?.DeepClone();
        }

        return data;
    }

    /// <summary>The stamp the answer's card carries in its actions (the next click's card).</summary>
    private static string? StampIn(string answer) => Find(JsonNode.Parse(answer));

    private static string? Find(JsonNode? node) => node switch
    {
        JsonObject o when o["stamp"] is JsonValue v && v.TryGetValue<string>(out var stamp) => stamp,
        JsonObject o => o.Select(p => Find(p.Value)).FirstOrDefault(s => s is not null),
        JsonArray a => a.Select(Find).FirstOrDefault(s => s is not null),
        _ => null,
    };

    private static async Task<TimeSpan> Time(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        await call();
        return clock.Elapsed;
    }
}
