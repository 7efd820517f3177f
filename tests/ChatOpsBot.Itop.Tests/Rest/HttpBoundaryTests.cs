using System.Text;
using System.Text.Json.Nodes;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Rest;

/// <summary>What goes on the wire, against a loopback Kestrel stub.</summary>
public sealed class HttpBoundaryTests
{
    private static readonly Actor Hamid = new(3, "Hamid Le Fleurier");

    [Fact]
    public async Task A_read_sends_version_json_data_and_the_token()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var ticket = await sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default);

        Assert.Equal("R-000002", ticket!.Ref);
        var r = Assert.Single(stub.Requests);
        Assert.Equal(("POST", "/webservices/rest.php", "?version=1.4"), (r.Method, r.Path, r.Query));
        Assert.StartsWith("application/x-www-form-urlencoded", r.ContentType, StringComparison.Ordinal);
        Assert.Equal(["json_data"], r.Form.Keys);
        Assert.Equal("stub-token", r.Headers["Auth-Token"]);
        Assert.False(r.Headers.ContainsKey("Authorization"));
        Assert.Equal("core/get", r.Operation);
        Assert.Equal(2, r.JsonData!["key"]!.GetValue<int>());
        Assert.Contains("public_log", r.JsonData["output_fields"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ref_is_sent_as_search_criteria()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        await sp.GetRequiredService<ITicketDesk>().GetTicketAsync(TicketKey.Parse("R-000002"), default);
        Assert.Equal("""{"ref":"R-000002"}""", stub.Requests.Single().JsonData!["key"]!.ToJsonString());
    }

    [Fact]
    public async Task Basic_auth_is_the_fallback_when_no_token_is_set()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress, settings: new Dictionary<string, string?>
        {
            ["Itop:Token"] = "", ["Itop:User"] = "teams-bot", ["Itop:Password"] = "s3cret'é",
        });
        await sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default);
        var r = stub.Requests.Single();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("teams-bot:s3cret'é")), r.Headers["Authorization"]);
        Assert.False(r.Headers.ContainsKey("Auth-Token"));
    }

    [Fact]
    public async Task Assign_makes_one_write_naming_the_actor()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var desk = sp.GetRequiredService<ITicketDesk>();
        await desk.GetTeamsAsync(default);
        stub.Clear();

        var ticket = await desk.AssignAsync(2, 19, 3, Hamid, default);

        Assert.Equal(TicketStatus.Assigned, ticket.Status);
        Assert.Equal(["core/get", "core/apply_stimulus"], stub.Requests.Select(r => r.Operation));
        var write = stub.Requests[1].JsonData!;
        Assert.Equal("ev_assign", write["stimulus"]!.GetValue<string>());
        Assert.Equal(2, write["key"]!.GetValue<int>());
        Assert.Equal("Hamid Le Fleurier via Teams", write["comment"]!.GetValue<string>());
        Assert.Equal((19, 3), (write["fields"]!["team_id"]!.GetValue<int>(), write["fields"]!["agent_id"]!.GetValue<int>()));
        // The move carries its private-log line, headed with the actor: who assigned is in iTop, and the bot can tell.
        Assert.Equal("<p><strong>Hamid Le Fleurier via Teams</strong></p><p>Assigné à Hamid Le Fleurier (Intervenants Moodle).</p>",
            write["fields"]!["private_log"]!["add_item"]!["message"]!.GetValue<string>());
        Assert.Equal("Hamid Le Fleurier", Assert.Single(ticket.PrivateLog).Author);
    }

    [Fact]
    public async Task A_refused_move_makes_no_write()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var desk = sp.GetRequiredService<ITicketDesk>();

        var ex = await Assert.ThrowsAsync<TicketRuleException>(() => desk.AssignAsync(2, 19, 9, Hamid, default)); // Denis is not in Moodle
        Assert.Equal(TicketRuleCode.AgentNotInTeam, ex.Code);
        await Assert.ThrowsAsync<TicketRuleException>(() => desk.CloseAsync(2, Hamid, default)); // new → close
        Assert.DoesNotContain(stub.Requests, r => r.IsWrite);
    }

    [Fact]
    public async Task A_stimulus_that_does_not_change_the_status_is_an_error()
    {
        var fake = new FakeItop { IgnoreStimuli = true };
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var ex = await Assert.ThrowsAsync<ItopUnexpectedStateException>(() => sp.GetRequiredService<ITicketDesk>().AssignAsync(2, 19, 3, Hamid, default));
        Assert.Contains("expected 'assigned'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_are_never_retried()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(r => r.IsWrite ? new StubReply(503, "") : fake.Handle(r));
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        fake.SetStatus("assigned");
        fake.Set("team_id", "19");
        fake.Set("agent_id", "3");
        stub.Clear();
        await Assert.ThrowsAsync<ItopUnavailableException>(() => sp.GetRequiredService<ITicketDesk>().SetPendingAsync(2, "attente", Hamid, default));
        Assert.Single(stub.Requests, r => r.IsWrite);
    }

    [Fact]
    public async Task Reads_are_retried_on_transient_failures()
    {
        var fake = new FakeItop();
        var failures = 2;
        await using var stub = await StubItop.StartAsync(r => Interlocked.Decrement(ref failures) >= 0 ? new StubReply(503, "") : fake.Handle(r));
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var ticket = await sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default);
        Assert.NotNull(ticket);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task The_circuit_opens_and_iTop_is_reported_unavailable_without_a_call()
    {
        await using var stub = await StubItop.StartAsync(_ => new StubReply(500, "oops"));
        await using var sp = DeskFactory.Build(stub.BaseAddress, o =>
        {
            o.ReadRetries = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerFailureRatio = 0.5;
        });
        var client = sp.GetRequiredService<ItopClient>();
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ItopUnavailableException>(() => client.ListOperationsAsync(default));
        }

        var open = await Assert.ThrowsAsync<ItopUnavailableException>(() => client.ListOperationsAsync(default));
        Assert.IsType<BrokenCircuitException>(open.InnerException);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_slow_iTop_times_out_as_unavailable()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(r => fake.Handle(r) with { Delay = TimeSpan.FromSeconds(5) });
        await using var sp = DeskFactory.Build(stub.BaseAddress, o =>
        {
            o.ReadRetries = 0;
            o.Timeout = TimeSpan.FromMilliseconds(200);
        });
        var ex = await Assert.ThrowsAsync<ItopUnavailableException>(() => sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default));
        Assert.IsType<TimeoutRejectedException>(ex.InnerException);
    }

    [Fact]
    public async Task An_iTop_error_code_becomes_a_typed_error_with_its_message()
    {
        await using var stub = await StubItop.StartAsync(_ => StubReply.Ok(Corpus.Body("106")));
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var ex = await Assert.ThrowsAsync<ItopInvalidStimulusException>(() =>
            sp.GetRequiredService<ItopClient>().ApplyStimulusAsync("UserRequest", 19, "ev_approve", [], "Teams bot", "status", default));
        Assert.Equal(100, ex.Code);
        Assert.Equal("Invalid stimulus: 'ev_approve' on the object R-000026 in state 'new'", ex.Message);
    }
}
