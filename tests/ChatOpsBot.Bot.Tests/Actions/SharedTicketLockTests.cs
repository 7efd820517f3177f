using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Itop.Desk;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOpsBot.Bot.Tests.Actions;

/// <summary>
/// Two instances of the bot (two desks, each with its own per-process lock) sharing one state file and one iTop: iTop has
/// no compare-and-swap, so the check made on a read is only worth something if no other instance writes between that
/// read and the write. The lease in the state store makes the second instance wait; without it both write.
/// </summary>
public sealed class SharedTicketLockTests
{
    private static readonly Actor Hamid = new(3, "Hamid Le Fleurier");

    [Fact]
    public async Task A_click_on_another_instance_waits_for_the_write_and_finds_the_ticket_changed()
    {
        var (writes, secondWaited) = await RaceAsync(shared: true);
        Assert.Equal(1, writes);
        Assert.True(secondWaited);
    }

    [PostgresFact]
    public async Task On_postgresql_a_click_on_another_instance_waits_for_the_write_and_finds_the_ticket_changed()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        var (writes, secondWaited) = await RaceAsync(shared: true, new StateSettings("Postgres", schema.ConnectionString));
        Assert.Equal(1, writes);
        Assert.True(secondWaited);
    }

    [Fact]
    public async Task Without_the_shared_lock_both_instances_write_on_the_same_version()
    {
        var (writes, secondWaited) = await RaceAsync(shared: false);
        Assert.Equal(2, writes);
        Assert.False(secondWaited);
    }

    /// <summary>Instance A's write is held on its way to iTop while instance B tries the same "first comment only" write.</summary>
    private static async Task<(int Writes, bool SecondWaited)> RaceAsync(bool shared, StateSettings? state = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "chatopsbot-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        state ??= new StateSettings("Sqlite", "Data Source=" + Path.Combine(directory, "state.db"));
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions { DatabasePath = Path.Combine(directory, "itop.db") });
        var gate = new ItopRequestGate("add_item");
        var log = new ItopRequestLog();
        await using var a = Instance(sandbox, state, shared, gate, log);
        await using var b = Instance(sandbox, state, shared, gate: null, log);
        var deskA = a.GetRequiredService<ITicketDesk>();
        var deskB = b.GetRequiredService<ITicketDesk>();
        var ticket = await deskA.CreateTicketAsync(new TicketDraft { OrgId = 3, CallerId = 11, Title = "Course", Description = "Deux instances." }, Hamid, default);
        log.Take();

        gate.Arm();
        var first = deskA.WriteAsync(ticket.Id, Hamid, FirstCommentOnly("de l'instance A"), default);
        await gate.Held.WaitAsync(TimeSpan.FromSeconds(30));
        var second = deskB.WriteAsync(ticket.Id, Hamid, FirstCommentOnly("de l'instance B"), default);
        var secondWaited = await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(800))) != second;
        gate.Release();
        await Task.WhenAll(first, second);
        return (log.Take().Count(ItopRequestLog.IsWrite), secondWaited);
    }

    /// <summary>A plan that checks something on the read, like a card's stamp: only a ticket with no comment yet gets one.</summary>
    private static TicketWritePlan FirstCommentOnly(string text) =>
        (current, _) => Task.FromResult<TicketWrite?>(current.PublicLog.Count == 0 ? current.Comment(text, isPublic: true) : null);

    private static ServiceProvider Instance(ItopSandboxHost sandbox, StateSettings state, bool shared, ItopRequestGate? gate, ItopRequestLog log) =>
        DeskInstance.Start(sandbox, [new("State:Provider", state.Provider), new("State:ConnectionString", state.ConnectionString)], services =>
        {
            if (shared)
            {
                services.Replace(ServiceDescriptor.Singleton<ISharedTicketLock, StateTicketLock>());
            }

            gate?.AddTo(services);
            log.AddTo(services);
        });

    /// <summary>The state store both instances share.</summary>
    private sealed record StateSettings(string Provider, string ConnectionString);
}
