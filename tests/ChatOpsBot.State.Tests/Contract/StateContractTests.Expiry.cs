using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.State.Tests.Contract;

public abstract partial class StateContractTests
{
    [PostgresFact]
    public async Task An_entry_lives_until_exactly_its_expiry()
    {
        await Store.PutAsync("k", "v", null, TimeSpan.FromMinutes(1));

        Time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await Store.GetAsync("k"));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task An_expired_entry_counts_as_absent_for_every_operation()
    {
        var old = await Store.PutAsync("k", "v1", null, TimeSpan.FromSeconds(15));
        Time.Advance(TimeSpan.FromSeconds(16));

        Assert.Null(await Store.GetAsync("k"));
        Assert.Empty(await Store.ListAsync("k"));
        Assert.Null(await Store.PutAsync("k", "via stale etag", old!.ETag));
        Assert.False(await Store.DeleteAsync("k"));

        var fresh = await Store.PutAsync("k2", "v", null, TimeSpan.FromSeconds(15));
        Time.Advance(TimeSpan.FromSeconds(16));
        var recreated = await Store.PutAsync("k2", "v2", null);
        Assert.NotNull(recreated);
        Assert.NotEqual(fresh!.ETag, recreated.ETag);
        Assert.Null(recreated.ExpiresAt);
        Assert.Equal(recreated, await Store.GetAsync("k2"));
    }

    [PostgresFact]
    public async Task Any_etag_overwrites_an_expired_entry()
    {
        await Store.PutAsync("k", "v1", null, TimeSpan.FromSeconds(1));
        Time.Advance(TimeSpan.FromSeconds(2));

        var entry = await Store.PutAsync("k", "v2", StateETag.Any, TimeSpan.FromSeconds(30));

        Assert.Equal(Time.GetUtcNow().AddSeconds(30), entry!.ExpiresAt);
        Assert.Equal(entry, await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task The_time_to_live_applies_per_write_and_a_write_without_one_never_expires()
    {
        var first = await Store.PutAsync("k", "v1", null, TimeSpan.FromMinutes(1));
        var second = await Store.PutAsync("k", "v2", first!.ETag);

        Assert.Null(second!.ExpiresAt);
        Time.Advance(TimeSpan.FromDays(400));
        Assert.Equal(second, await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Purge_removes_only_expired_rows()
    {
        await Store.PutAsync("a", "short", null, TimeSpan.FromSeconds(10));
        await Store.PutAsync("b", "short", null, TimeSpan.FromSeconds(20));
        await Store.PutAsync("c", "long", null, TimeSpan.FromHours(1));
        await Store.PutAsync("d", "forever", null);
        Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(2, await PurgeExpiredAsync(Store));
        Assert.Equal(0, await PurgeExpiredAsync(Store));
        Assert.Equal(["c", "d"], (await Store.ListAsync("")).Select(e => e.Key));
    }

    [PostgresFact]
    public async Task A_write_purges_expired_rows_opportunistically()
    {
        var writer = CreateStore();
        await writer.PutAsync("expiring", "v", null, TimeSpan.FromSeconds(10));
        Time.Advance(TimeSpan.FromMinutes(10));

        // This instance has not purged yet: its first write does.
        await writer.PutAsync("other", "v", null);

        Assert.Equal(0, await PurgeExpiredAsync(Store));
    }
}
