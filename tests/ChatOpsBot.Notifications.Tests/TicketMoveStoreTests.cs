using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Notifications;
using ChatOpsBot.State;
using ChatOpsBot.Tickets;
using ChatOpsBot.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>
/// Issue 14: who made each write the desk sends, in the state store (SQLite file, PostgreSQL schema) that every instance
/// shares: recorded before iTop has the write (so the change feed never sees a move without its record), then dated with
/// the ticket's last_update in iTop's answer; kept for <see cref="TicketMoveStore.Retention"/>, then gone.
/// </summary>
public sealed class TicketMoveStoreTests
{
    private static readonly Actor Hamid = new(3, "Hamid Le Fleurier");

    [Fact]
    public Task On_sqlite_another_instance_reads_a_write_before_itop_has_it_then_with_the_date_itop_set() =>
        OnSqliteAsync(AnotherInstanceReadsEachWriteAsync);

    [PostgresFact]
    public Task On_postgresql_another_instance_reads_a_write_before_itop_has_it_then_with_the_date_itop_set() =>
        OnPostgresAsync(AnotherInstanceReadsEachWriteAsync);

    [Fact]
    public Task On_sqlite_records_are_kept_per_ticket_for_their_retention_then_expire() => OnSqliteAsync(RecordsExpireAsync);

    [PostgresFact]
    public Task On_postgresql_records_are_kept_per_ticket_for_their_retention_then_expire() => OnPostgresAsync(RecordsExpireAsync);

    private static async Task AnotherInstanceReadsEachWriteAsync(Dictionary<string, string?> state)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = Path.Combine(directory, "itop.db") });
        var gate = new ItopRequestGate("ev_pending");
        await using var a = Instance(state, sandbox, gate);
        await using var b = Instance(state, sandbox, gate: null);
        var desk = a.GetRequiredService<ITicketDesk>();
        var other = b.GetRequiredService<TicketMoveStore>();

        var created = await desk.CreateTicketAsync(new TicketDraft { OrgId = 3, CallerId = 11, Title = "Cours", Description = "Qui a fait quoi." }, Hamid, default);
        var assigned = await desk.AssignAsync(created.Id, 19, 3, Hamid, default);
        var commented = await desk.AddLogEntryAsync(created.Id, "Je regarde cela.", isPublic: true, Hamid, default);
        Assert.Equal(
            [(TicketMoveRecord.Create, created.LastUpdate), ("ev_assign", assigned.LastUpdate), (TicketMoveRecord.Update, commented.LastUpdate)],
            (await other.ListAsync(created.Id, default)).Select(r => (r.Move, r.WrittenAt)));

        // Held on its way to iTop: the other instance already reads who is making it, not yet dated.
        gate.Arm();
        var pending = desk.SetPendingAsync(created.Id, "Quel est le nom du cours ?", Hamid, default);
        await gate.Held.WaitAsync(TimeSpan.FromSeconds(30));
        var held = (await other.ListAsync(created.Id, default))[^1];
        Assert.Equal(("ev_pending", 3, "Hamid Le Fleurier", (string?)"Mis en attente.\nQuel est le nom du cours ?", (DateTimeOffset?)null), (held.Move, held.PersonId, held.Actor, held.PrivateLogText, held.WrittenAt));
        gate.Release();
        var written = await pending;
        var dated = (await other.ListAsync(created.Id, default))[^1];
        Assert.Equal((held.Id, written.LastUpdate), (dated.Id, dated.WrittenAt));
        Assert.NotNull(dated.WrittenAt);
        Assert.Equal("Je regarde cela.", (await other.ListAsync(created.Id, default)).Single(r => r.Move == TicketMoveRecord.Update).PublicLogText);
    }

    private static async Task RecordsExpireAsync(Dictionary<string, string?> state)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddStateStore(new ConfigurationBuilder().AddInMemoryCollection(state).Build());
        services.AddSingleton<TicketMoveStore>();
        await using var provider = services.BuildServiceProvider();
        var moves = provider.GetRequiredService<TicketMoveStore>();

        TicketMoveRecord Reopen(int ticket) => new(ticket, Guid.NewGuid().ToString("N"), "ev_reopen", 12, "Support INSA Lyon", "Toujours pas.", null, clock.GetUtcNow());
        var first = Reopen(7);
        await moves.BeginAsync(first, default);
        await moves.CompleteAsync(first, new Ticket { Id = 7, Ref = "R-000007", Title = "t", Status = TicketStatus.Assigned, OrgId = 3, LastUpdate = clock.GetUtcNow() }, default);
        await moves.BeginAsync(Reopen(70), default);
        clock.Advance(TimeSpan.FromSeconds(1));
        await moves.BeginAsync(Reopen(7), default);

        // One ticket's records only (ticket 70's key starts like ticket 7's), oldest first, the first one dated once.
        var seven = await moves.ListAsync(7, default);
        Assert.Equal(2, seven.Count);
        Assert.Equal(first.Id, seven[0].Id);
        Assert.Equal([clock.GetUtcNow().AddSeconds(-1), null], seven.Select(r => r.WrittenAt));

        // The first one (written at the start) expires half a second before now, the second half a second after.
        clock.Advance(TicketMoveStore.Retention - TimeSpan.FromSeconds(0.5));
        Assert.Equal(seven[1].Id, Assert.Single(await moves.ListAsync(7, default)).Id);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await moves.ListAsync(7, default));
        Assert.Empty(await moves.ListAsync(70, default));
    }

    /// <summary>One instance of the bot's desk, recording its writes in the shared state store.</summary>
    private static ServiceProvider Instance(Dictionary<string, string?> state, ItopSandboxHost sandbox, ItopRequestGate? gate) =>
        DeskInstance.Start(sandbox, state, services =>
        {
            services.AddSingleton<TicketMoveStore>();
            services.Replace(ServiceDescriptor.Singleton<ITicketMoveLog>(sp => sp.GetRequiredService<TicketMoveStore>()));
            gate?.AddTo(services);
        });

    private static async Task OnSqliteAsync(Func<Dictionary<string, string?>, Task> test)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await test(new() { ["State:Provider"] = "Sqlite", ["State:ConnectionString"] = "Data Source=" + Path.Combine(directory, "state.db") });
    }

    private static async Task OnPostgresAsync(Func<Dictionary<string, string?>, Task> test)
    {
        await using var schema = await PostgresSchema.CreateAsync();
        await test(new() { ["State:Provider"] = "Postgres", ["State:ConnectionString"] = schema.ConnectionString });
    }
}
