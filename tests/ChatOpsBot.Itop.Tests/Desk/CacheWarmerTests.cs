using ChatOpsBot.Itop.Desk;
using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Desk;

/// <summary>Issue 11: the catalog and the teams are loaded at start-up and refreshed before they expire, so no caller waits for them.</summary>
public sealed class CacheWarmerTests
{
    private const int WarmUpReads = 6; // ServiceFamily, Service, ServiceSubcategory, CustomerContract, Organization, Team

    [Fact]
    public async Task The_start_loads_the_catalog_and_the_teams_and_a_refresh_comes_before_the_ttl_runs_out()
    {
        var fake = new FakeItop();
        await using var stub = await StubItop.StartAsync(fake.Handle);
        var time = new FakeTimeProvider();
        await using var sp = DeskFactory.Build(stub.BaseAddress, o => o.CacheTtl = TimeSpan.FromMinutes(10), time);
        var warmer = Warmer(sp);

        await warmer.StartAsync(default);
        Assert.Equal((WarmUpReads, 1), (stub.Requests.Count, warmer.Loads));
        var desk = sp.GetRequiredService<ITicketDesk>();
        await desk.GetCatalogAsync(default);
        await desk.GetTeamsAsync(default);
        Assert.Equal(WarmUpReads, stub.Requests.Count);

        // At four fifths of the TTL the warmer loads them again, in the background.
        time.Advance(TimeSpan.FromMinutes(8));
        await WaitForAsync(() => warmer.Loads == 2); // (iTop calls in flight would time out on the fake clock)
        Assert.Equal(2 * WarmUpReads, stub.Requests.Count);
        time.Advance(TimeSpan.FromMinutes(3)); // 11 min after the start: past the first load's TTL, not the refresh's
        await desk.GetCatalogAsync(default);
        await desk.GetTeamsAsync(default);
        Assert.Equal(2 * WarmUpReads, stub.Requests.Count);
        await warmer.StopAsync(default);
    }

    [Fact]
    public async Task An_iTop_down_at_start_does_not_stop_the_bot_and_the_load_is_tried_again()
    {
        var fake = new FakeItop();
        var down = true;
        await using var stub = await StubItop.StartAsync(r => Volatile.Read(ref down) ? new StubReply(503, "") : fake.Handle(r));
        var time = new FakeTimeProvider();
        await using var sp = DeskFactory.Build(stub.BaseAddress, time: time, settings: new Dictionary<string, string?> { ["Itop:ReadRetries"] = "0" });
        var warmer = Warmer(sp);

        await warmer.StartAsync(default);
        Assert.Equal((true, 0), (warmer.FirstLoad.IsCompleted, warmer.Loads));
        var failed = stub.Requests.Count;
        Assert.True(failed > 0);

        Volatile.Write(ref down, false);
        time.Advance(ItopReferenceWarmer.RetryDelay);
        await WaitForAsync(() => warmer.Loads == 1);
        Assert.Equal(failed + WarmUpReads, stub.Requests.Count);
        var before = stub.Requests.Count;
        await sp.GetRequiredService<ITicketDesk>().GetCatalogAsync(default);
        Assert.Equal(before, stub.Requests.Count);
        await warmer.StopAsync(default);
    }

    private static ItopReferenceWarmer Warmer(IServiceProvider sp) =>
        (ItopReferenceWarmer)sp.GetServices<IHostedService>().Single(s => s is ItopReferenceWarmer);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
