using ChatOpsBot.Testing.RealItop;
using ChatOpsBot.Itop.Tests.RealItop;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Rest;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Failures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Errors;

/// <summary>
/// How iTop's refusals reach the bot: code 1 on a read is tried once more, never on a write; each failure says its kind;
/// the health check follows the bot's credentials; a ticket created from a draft can be found again by its marker.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class FailureTests
{
    private static readonly Actor Hamid = new(3, "Hamid Le Fleurier");

    [Fact]
    public async Task A_read_refused_with_code_1_is_sent_once_more_and_succeeds_when_the_refusal_was_transient()
    {
        var fake = new FakeItop();
        var refusals = 1;
        await using var stub = await StubItop.StartAsync(r => r.Operation == "core/get" && Interlocked.Decrement(ref refusals) >= 0
            ? StubReply.Ok(Corpus.Body("011"))
            : fake.Handle(r));
        await using var sp = DeskFactory.Build(stub.BaseAddress);

        var ticket = await sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default);

        Assert.Equal("R-000002", ticket!.Ref);
        Assert.Equal(["core/get", "core/get"], stub.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task A_read_refused_twice_fails_as_credentials_refused_after_two_requests()
    {
        await using var stub = await StubItop.StartAsync(_ => StubReply.Ok(Corpus.Body("011")));
        await using var sp = DeskFactory.Build(stub.BaseAddress);

        var refused = await Assert.ThrowsAsync<ItopUnauthorizedException>(() => sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default));

        Assert.Equal(DeskFailureKind.CredentialsRefused, ((TicketDeskException)refused).Kind);
        Assert.Equal(1, refused.Code);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_write_refused_with_code_1_is_never_sent_twice()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(r => r.IsWrite ? StubReply.Ok(Corpus.Body("011")) : fake.Handle(r));
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var desk = sp.GetRequiredService<ITicketDesk>();
        await desk.GetTeamsAsync(default);
        stub.Clear();

        await Assert.ThrowsAsync<ItopUnauthorizedException>(() => desk.AssignAsync(2, 19, 3, Hamid, default));

        Assert.Equal(["core/get", "core/apply_stimulus"], stub.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task Each_kind_of_iTop_failure_says_its_kind()
    {
        Assert.Equal(DeskFailureKind.CredentialsRefused, new ItopUnauthorizedException(1, "Error: Invalid login").Kind);
        Assert.Equal(DeskFailureKind.Unavailable, new ItopUnavailableException("down").Kind);
        Assert.Equal(DeskFailureKind.Refused, ItopErrors.FromEnvelope(100, "Invalid stimulus: 'ev_close' on object UserRequest in state 'new'").Kind);
        Assert.Equal(DeskFailureKind.Refused, ItopErrors.FromEnvelope(4, "Error: Unknown class").Kind);
        Assert.Equal(DeskFailureKind.UnexpectedAnswer, new ItopUnexpectedStateException("status").Kind);

        // A body that is not iTop's envelope (a proxy page) counts as unreachable.
        await using var stub = await StubItop.StartAsync(_ => new StubReply(200, "<html>502 Bad Gateway</html>"));
        await using var sp = DeskFactory.Build(stub.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:ReadRetries"] = "0" });
        var failure = await Assert.ThrowsAsync<ItopUnavailableException>(() => sp.GetRequiredService<ITicketDesk>().GetTicketAsync(2, default));
        Assert.Equal(DeskFailureKind.Unavailable, failure.Kind);
    }

    [Fact]
    public async Task Health_check_is_unhealthy_while_the_sandbox_refuses_the_token_or_is_down()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        await using var good = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" });
        await using var refused = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "revoked-token" });

        var healthy = await good.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var unhealthy = await refused.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
        Assert.Contains("credentials (code 1)", unhealthy.Entries["itop"].Description, StringComparison.Ordinal);
        Assert.Contains("ready", unhealthy.Entries["itop"].Tags);

        await sandbox.StopAsync();
        var down = await good.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Contains("cannot be reached", down.Entries["itop"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_created_with_an_origin_marker_is_found_by_it_and_only_by_it()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var counter = new RequestCounter();
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" },
            extra: s => s.AddSingleton<ITicketMoveLog, MoveLogRecorder>().ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => counter)));
        await MarkerRoundTripAsync(sp, counter);
    }

    [RealItopFact]
    public async Task Real_iTop_finds_a_ticket_by_its_origin_marker()
    {
        var counter = new RequestCounter();
        await using var sp = DeskFactory.Build(new Uri(Environment.GetEnvironmentVariable("ITOP_TEST_URL")!), settings: new Dictionary<string, string?>
        {
            ["Itop:Token"] = Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN"),
            ["Itop:RetryDelay"] = "00:00:00.200",
        }, extra: s => s.AddSingleton<ITicketMoveLog, MoveLogRecorder>().ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => counter)));
        await MarkerRoundTripAsync(sp, counter);
    }

    [RealItopFact]
    public async Task Real_iTop_refuses_a_revoked_token_with_code_1_and_the_health_check_says_so()
    {
        await using var sp = DeskFactory.Build(new Uri(Environment.GetEnvironmentVariable("ITOP_TEST_URL")!), settings: new Dictionary<string, string?>
        {
            ["Itop:Token"] = "revoked-" + Guid.NewGuid().ToString("N"),
        });

        var refused = await Assert.ThrowsAsync<ItopUnauthorizedException>(() => sp.GetRequiredService<ITicketDesk>().GetTicketAsync(1, default));
        var health = await sp.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal((1, "Error: Invalid login"), (refused.Code, refused.Message));
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
    }

    private static async Task MarkerRoundTripAsync(IServiceProvider sp, RequestCounter counter)
    {
        var desk = sp.GetRequiredService<ITicketDesk>();
        var client = sp.GetRequiredService<ItopClient>();
        var jean = (await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default))!;
        await desk.GetCatalogAsync(default);
        var marker = Guid.NewGuid().ToString("N");
        counter.Take();

        var created = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = jean.OrgId, CallerId = jean.Id, Title = "Test du marqueur de brouillon", Description = "Créé par FailureTests.", OriginMarker = marker,
        }, new Actor(jean.Id, jean.FullName), default);

        Assert.Equal(["core/create UserRequest"], counter.Take());
        var entry = Assert.Single(created.PrivateLog);
        // Stored in iTop (a raw read of the private log, FindTicketByOriginAsync finds it by it), never shown: the domain
        // entry read back leaves the bot's bookkeeping out.
        var stored = (await client.GetAsync("UserRequest", created.Id, "private_log", null, null, default)).Objects.Single().CaseLog("private_log");
        Assert.Contains(marker, Assert.Single(stored).MessageHtml, StringComparison.Ordinal);
        Assert.Contains(marker, stored[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, entry.Text, StringComparison.Ordinal);
        Assert.Equal("Jean Dupont via Teams\n\nTicket ouvert.", entry.Text);
        Assert.Empty(created.PublicLog);
        Assert.Equal(created.Id, (await desk.FindTicketByOriginAsync(marker, default))?.Id);
        Assert.Null(await desk.FindTicketByOriginAsync(Guid.NewGuid().ToString("N"), default));
        Assert.Null(await desk.FindTicketByOriginAsync(marker[..16], default));

        // The record of who created it names the entry as it reads back: the change feed claims that entry as the bot's, so a
        // console move in the same second is not taken for the opener's.
        var record = Assert.Single(((MoveLogRecorder)sp.GetRequiredService<ITicketMoveLog>()).Completed);
        Assert.Equal((TicketMoveRecord.Create, "Jean Dupont", entry.Message), (record.Move, record.Actor, record.PrivateLogText));
    }

    private sealed class MoveLogRecorder : ITicketMoveLog
    {
        public System.Collections.Concurrent.ConcurrentQueue<TicketMoveRecord> Completed { get; } = new();

        public Task BeginAsync(TicketMoveRecord move, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CompleteAsync(TicketMoveRecord move, Ticket written, CancellationToken cancellationToken)
        {
            Completed.Enqueue(move);
            return Task.CompletedTask;
        }
    }
}
