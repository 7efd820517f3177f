using ChatOpsBot.Itop.Caching;
using ChatOpsBot.Itop.Errors;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Desk;

/// <summary>Caching, per-ticket serialization and case-log confirmation, through HTTP to the loopback stub.</summary>
public sealed class DeskBehaviourTests
{
    private static readonly Actor Hamid = new(3, "Hamid Le Fleurier");
    private static readonly Actor Jean = new(11, "Jean Dupont");

    [Fact]
    public async Task A_warm_catalog_makes_no_call_until_the_ttl_expires()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        var time = new FakeTimeProvider();
        await using var sp = DeskFactory.Build(stub.BaseAddress, o => o.CacheTtl = TimeSpan.FromMinutes(10), time);
        var desk = sp.GetRequiredService<ITicketDesk>();

        var catalog = await desk.GetCatalogAsync(default);
        Assert.Equal(5, stub.Requests.Count);
        Assert.Equal(["Droits Moodle", "Gestion des comptes"], catalog.Services.Where(s => s.Id is 1 or 4).Select(s => s.Name).Order());
        Assert.True(catalog.IsCovered(3, 7));

        await desk.GetCatalogAsync(default);
        time.Advance(TimeSpan.FromMinutes(9));
        await desk.GetCatalogAsync(default);
        Assert.Equal(5, stub.Requests.Count);

        time.Advance(TimeSpan.FromMinutes(2));
        await desk.GetCatalogAsync(default);
        Assert.Equal(10, stub.Requests.Count);
    }

    [Fact]
    public async Task Opening_a_ticket_on_a_warm_desk_is_exactly_one_write_and_no_read()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var desk = sp.GetRequiredService<ITicketDesk>();
        var jean = await desk.FindPersonByEmailAsync("jean.dupont@insa-lyon.fr", default);
        await desk.GetCatalogAsync(default);
        stub.Clear();

        var ticket = await desk.CreateTicketAsync(new TicketDraft
        {
            OrgId = jean!.OrgId,
            CallerId = jean.Id,
            Title = "Droit de création de cours <b>urgent</b>",
            Description = "Bonjour,\nje souhaite créer 3 cours d'automne.",
            ServiceId = 4,
            SubServiceId = 8,
            SchoolReference = "GC-2026-17",
            Urgency = 3,
        }, Jean, default);

        Assert.Equal("R-000002", ticket.Ref);
        var write = Assert.Single(stub.Requests);
        Assert.Equal("core/create", write.Operation);
        var fields = write.JsonData!["fields"]!;
        Assert.Equal("Jean Dupont via Teams", write.JsonData["comment"]!.GetValue<string>());
        Assert.Equal("Droit de création de cours urgent", fields["title"]!.GetValue<string>());
        Assert.Equal("<p>Bonjour,<br/>je souhaite créer 3 cours d&#39;automne.</p><p>Référence établissement : GC-2026-17</p>", fields["description"]!.GetValue<string>());
        Assert.Equal((3, 11, 4, 8), (fields["org_id"]!.GetValue<int>(), fields["caller_id"]!.GetValue<int>(), fields["service_id"]!.GetValue<int>(), fields["servicesubcategory_id"]!.GetValue<int>()));
        Assert.Equal(("3", "3", "chat", "service_request"), (fields["impact"]!.GetValue<string>(), fields["urgency"]!.GetValue<string>(), fields["origin"]!.GetValue<string>(), fields["request_type"]!.GetValue<string>()));
        // Who opened it, in the same call: the private log's first entry names the Teams person.
        Assert.Equal("<p><strong>Jean Dupont via Teams</strong></p><p>Ticket ouvert.</p>", fields["private_log"]!["add_item"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Writes_to_one_ticket_are_serialized_and_each_append_is_confirmed()
    {
        var fake = new FakeItop();
        var inFlight = 0;
        var maxInFlight = 0;
        await using var stub = await StubItop.StartAsync(r =>
        {
            if (!r.IsWrite)
            {
                return fake.Handle(r);
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            Thread.Sleep(100);
            lock (fake)
            {
                var reply = fake.Handle(r);
                Interlocked.Decrement(ref inFlight);
                return reply;
            }
        });
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        var desk = sp.GetRequiredService<ITicketDesk>();

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => desk.AddLogEntryAsync(2, $"message {i} d'Hamid <ok>", true, Hamid, default)));

        Assert.Equal(1, maxInFlight);
        Assert.Equal(4, stub.Requests.Count(r => r.IsWrite));
        Assert.Equal(4, results.Max(t => t.PublicLog.Count));
        // The actor is read back from the stored entry's first line (<p><strong>… via Teams</strong></p>, ActorLine).
        Assert.Contains(results[0].PublicLog, e => e.Author == "Hamid Le Fleurier" && e.Message.StartsWith("message ", StringComparison.Ordinal));
        Assert.Equal(0, sp.GetRequiredService<KeyedAsyncLock<int>>().Count);
    }

    [Fact]
    public async Task A_lost_append_is_reported()
    {
        var fake = new FakeItop { StoreLogEntries = false };
        await using var stub = await StubItop.StartAsync(fake.Handle);
        await using var sp = DeskFactory.Build(stub.BaseAddress);
        await Assert.ThrowsAsync<ItopUnexpectedStateException>(() => sp.GetRequiredService<ITicketDesk>().AddLogEntryAsync(2, "merci", true, Hamid, default));
    }

    [Fact]
    public async Task Different_tickets_do_not_wait_for_each_other()
    {
        var locks = new KeyedAsyncLock<int>();
        using var a = await locks.AcquireAsync(1, default);
        var b = locks.AcquireAsync(2, default);
        Assert.True(b.IsCompletedSuccessfully);
        var sameKey = locks.AcquireAsync(1, default);
        Assert.False(sameKey.IsCompleted);
        a.Dispose();
        (await sameKey).Dispose();
        (await b).Dispose();
        Assert.Equal(0, locks.Count);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
