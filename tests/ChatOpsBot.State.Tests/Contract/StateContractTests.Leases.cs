using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.State.Tests.Contract;

public abstract partial class StateContractTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_held_lease_cannot_be_acquired_by_another_holder()
    {
        var a = CreateLeaseManager("instance-a");
        var b = CreateLeaseManager("instance-b");

        var lease = await a.TryAcquireAsync("poller", LeaseDuration);

        Assert.NotNull(lease);
        Assert.Equal("poller", lease.Name);
        Assert.Equal("instance-a", lease.HolderId);
        Assert.Equal(Start + LeaseDuration, lease.ExpiresAt);
        Assert.Null(await b.TryAcquireAsync("poller", LeaseDuration));
    }

    [PostgresFact]
    public async Task Leases_are_not_reentrant()
    {
        var a = CreateLeaseManager("instance-a");

        Assert.NotNull(await a.TryAcquireAsync("poller", LeaseDuration));
        Assert.Null(await a.TryAcquireAsync("poller", LeaseDuration));
    }

    [PostgresFact]
    public async Task Leases_of_different_names_are_independent()
    {
        var a = CreateLeaseManager("instance-a");
        var b = CreateLeaseManager("instance-b");

        Assert.NotNull(await a.TryAcquireAsync("poller", LeaseDuration));
        Assert.NotNull(await b.TryAcquireAsync("outbox", LeaseDuration));
    }

    [PostgresFact]
    public async Task Renewing_keeps_the_lease_past_its_first_expiry()
    {
        var a = CreateLeaseManager("instance-a");
        var b = CreateLeaseManager("instance-b");
        var lease = await a.TryAcquireAsync("poller", LeaseDuration);

        for (var i = 0; i < 4; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(20));
            Assert.True(await lease!.RenewAsync());
            Assert.Equal(Time.GetUtcNow() + LeaseDuration, lease.ExpiresAt);
            Assert.Null(await b.TryAcquireAsync("poller", LeaseDuration));
        }
    }

    [PostgresFact]
    public async Task A_lease_not_renewed_is_taken_over_after_expiry_and_the_old_holder_learns_it()
    {
        var a = CreateLeaseManager("instance-a");
        var b = CreateLeaseManager("instance-b");
        var old = await a.TryAcquireAsync("poller", LeaseDuration);

        Time.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));
        Assert.Null(await b.TryAcquireAsync("poller", LeaseDuration));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var taken = await b.TryAcquireAsync("poller", LeaseDuration);

        Assert.NotNull(taken);
        Assert.Equal("instance-b", taken.HolderId);
        Assert.True(taken.Generation > old!.Generation);
        Assert.False(await old.RenewAsync());

        // The old holder's release must not free the new holder's lease.
        await old.ReleaseAsync();
        Assert.Null(await a.TryAcquireAsync("poller", LeaseDuration));
        Assert.True(await taken.RenewAsync());
    }

    [PostgresFact]
    public async Task A_late_renewal_succeeds_when_nobody_took_the_lease_over()
    {
        var a = CreateLeaseManager("instance-a");
        var lease = await a.TryAcquireAsync("poller", LeaseDuration);

        Time.Advance(LeaseDuration + TimeSpan.FromSeconds(5));

        Assert.True(await lease!.RenewAsync());
        Assert.Null(await CreateLeaseManager("instance-b").TryAcquireAsync("poller", LeaseDuration));
    }

    [PostgresFact]
    public async Task Releasing_or_disposing_frees_the_lease_at_once()
    {
        var a = CreateLeaseManager("instance-a");
        var b = CreateLeaseManager("instance-b");

        var first = await a.TryAcquireAsync("poller", LeaseDuration);
        await first!.ReleaseAsync();
        Assert.False(await first.RenewAsync());

        var second = await b.TryAcquireAsync("poller", LeaseDuration);
        Assert.NotNull(second);
        Assert.True(second.Generation > first.Generation);
        await second.DisposeAsync();

        Assert.NotNull(await a.TryAcquireAsync("poller", LeaseDuration));
    }

    [PostgresFact]
    public async Task Twenty_instances_racing_for_a_lease_yield_exactly_one_holder()
    {
        var managers = Enumerable.Range(0, 20).Select(i => CreateLeaseManager($"instance-{i}")).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = managers.Select(m => Task.Run(async () =>
        {
            await start.Task;
            return await m.TryAcquireAsync("poller", LeaseDuration);
        })).ToArray();
        start.SetResult();
        var leases = await Task.WhenAll(attempts);

        Assert.Single(leases, l => l is not null);
    }
}
