using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatOpsBot.State.Tests.Contract;

/// <summary>
/// The <see cref="IStateStore"/> and <see cref="ILeaseManager"/> contract, run once per provider by the derived classes.
/// Every store or lease manager a test creates is a separate instance on the same database (another bot instance).
/// </summary>
public abstract partial class StateContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(Start);

    protected IStateStore Store { get; private set; } = null!;

    /// <summary>Prepares an empty database of the provider for this test.</summary>
    protected abstract Task InitializeBackendAsync();

    protected abstract Task DisposeBackendAsync();

    /// <summary>A new store instance on this test's database, on <see cref="Time"/>.</summary>
    protected abstract IStateStore CreateStore();

    protected abstract ILeaseManager CreateLeaseManager(string holderId);

    protected abstract Task<int> PurgeExpiredAsync(IStateStore store);

    public async Task InitializeAsync()
    {
        await InitializeBackendAsync();
        Store = CreateStore();
    }

    public Task DisposeAsync() => DisposeBackendAsync();

    [PostgresFact]
    public async Task Get_of_a_missing_key_is_null()
    {
        Assert.Null(await Store.GetAsync("missing"));
    }

    [PostgresFact]
    public async Task Put_returns_the_entry_that_Get_reads_back()
    {
        var put = await Store.PutAsync("conv:1", """{"a":1}""", null, TimeSpan.FromMinutes(10));

        Assert.NotNull(put);
        Assert.Equal("conv:1", put.Key);
        Assert.Equal("""{"a":1}""", put.Value);
        Assert.False(string.IsNullOrEmpty(put.ETag));
        Assert.Equal(Start.AddMinutes(10), put.ExpiresAt);
        Assert.Equal(put, await Store.GetAsync("conv:1"));
    }

    [PostgresFact]
    public async Task Create_if_absent_twice_the_second_gets_null_and_the_first_value_stays()
    {
        var first = await Store.PutAsync("k", "first", null);
        var second = await Store.PutAsync("k", "second", null);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(first, await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Update_with_the_current_etag_replaces_the_value_and_changes_the_etag()
    {
        var first = await Store.PutAsync("k", "v1", null);
        var second = await Store.PutAsync("k", "v2", first!.ETag);

        Assert.NotNull(second);
        Assert.Equal("v2", second.Value);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(second, await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Update_with_a_stale_or_wrong_etag_fails_and_keeps_the_value()
    {
        var first = await Store.PutAsync("k", "v1", null);
        var second = await Store.PutAsync("k", "v2", first!.ETag);

        Assert.Null(await Store.PutAsync("k", "stale", first.ETag));
        Assert.Null(await Store.PutAsync("k", "wrong", "not-an-etag"));
        Assert.Equal(second, await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Update_with_an_etag_never_creates_a_missing_key()
    {
        Assert.Null(await Store.PutAsync("k", "v", "some-etag"));
        Assert.Null(await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Any_etag_creates_when_absent_and_overwrites_when_present()
    {
        var created = await Store.PutAsync("k", "v1", StateETag.Any);
        var overwritten = await Store.PutAsync("k", "v2", StateETag.Any);

        Assert.Equal("v1", created!.Value);
        Assert.Equal("v2", overwritten!.Value);
        Assert.NotEqual(created.ETag, overwritten.ETag);
        Assert.Equal(overwritten, await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task The_etag_changes_on_every_write_even_with_the_same_value()
    {
        var etags = new HashSet<string>();
        var entry = await Store.PutAsync("k", "same", null);
        etags.Add(entry!.ETag);
        for (var i = 0; i < 5; i++)
        {
            entry = await Store.PutAsync("k", "same", entry!.ETag);
            Assert.NotNull(entry);
            etags.Add(entry.ETag);
        }

        Assert.Equal(6, etags.Count);
    }

    [PostgresFact]
    public async Task An_etag_from_before_a_delete_does_not_match_the_recreated_entry()
    {
        var old = await Store.PutAsync("k", "v1", null);
        Assert.True(await Store.DeleteAsync("k"));
        var recreated = await Store.PutAsync("k", "v2", null);

        Assert.NotNull(recreated);
        Assert.Null(await Store.PutAsync("k", "v3", old!.ETag));
        Assert.False(await Store.DeleteAsync("k", old.ETag));
        Assert.Equal("v2", (await Store.GetAsync("k"))!.Value);
    }

    [PostgresFact]
    public async Task Delete_without_etag_removes_the_entry_once()
    {
        await Store.PutAsync("k", "v", null);

        Assert.True(await Store.DeleteAsync("k"));
        Assert.False(await Store.DeleteAsync("k"));
        Assert.Null(await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Delete_with_a_wrong_etag_keeps_the_entry_and_with_the_current_one_removes_it()
    {
        var entry = await Store.PutAsync("k", "v", null);

        Assert.False(await Store.DeleteAsync("k", "wrong"));
        Assert.Equal(entry, await Store.GetAsync("k"));
        Assert.True(await Store.DeleteAsync("k", entry!.ETag));
        Assert.Null(await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Delete_of_a_missing_key_is_false()
    {
        Assert.False(await Store.DeleteAsync("missing"));
        Assert.False(await Store.DeleteAsync("missing", "etag"));
    }

    [PostgresFact]
    public async Task Keys_are_case_sensitive_and_unicode_values_round_trip()
    {
        var value = "{\"text\":\"Élève · 日本 · 🎓 \\u0000 \\\"quoted\\\"\"}" + new string('x', 200_000);
        await Store.PutAsync("Key", "upper", null);
        await Store.PutAsync("key", value, null);
        await Store.PutAsync("clé:école:🎓", "unicode key", null);

        Assert.Equal("upper", (await Store.GetAsync("Key"))!.Value);
        Assert.Equal(value, (await Store.GetAsync("key"))!.Value);
        Assert.Equal("unicode key", (await Store.GetAsync("clé:école:🎓"))!.Value);
    }

    [PostgresFact]
    public async Task Invalid_arguments_are_rejected()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GetAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("", "v", null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("k", null!, null));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("k", "v", ""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("k", "v", null, TimeSpan.Zero));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.PutAsync("k", "v", null, TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(""));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ListAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ListAsync("p", 0));
        Assert.Null(await Store.GetAsync("k"));
    }

    [PostgresFact]
    public async Task Two_instances_see_each_others_writes_and_conflicts()
    {
        var other = CreateStore();

        var created = await Store.PutAsync("shared", "from-1", null);
        Assert.Equal(created, await other.GetAsync("shared"));
        Assert.Null(await other.PutAsync("shared", "from-2", null));

        var updated = await other.PutAsync("shared", "from-2", created!.ETag);
        Assert.NotNull(updated);
        Assert.Null(await Store.PutAsync("shared", "from-1 again", created.ETag));
        Assert.Equal("from-2", (await Store.GetAsync("shared"))!.Value);
        Assert.True(await Store.DeleteAsync("shared", updated.ETag));
        Assert.Null(await other.GetAsync("shared"));
    }
}
