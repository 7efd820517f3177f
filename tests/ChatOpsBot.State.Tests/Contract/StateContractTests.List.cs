using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.State.Tests.Contract;

public abstract partial class StateContractTests
{
    [PostgresFact]
    public async Task List_returns_the_live_entries_with_the_prefix_in_key_order()
    {
        foreach (var key in new[] { "sub:b", "sub:a", "sub:c", "sub", "su", "subway", "sub;x", "other:a", "SUB:a" })
        {
            await Store.PutAsync(key, "v:" + key, null);
        }

        await Store.PutAsync("sub:expiring", "v", null, TimeSpan.FromSeconds(5));
        Time.Advance(TimeSpan.FromSeconds(6));

        var listed = await Store.ListAsync("sub:");

        Assert.Equal(["sub:a", "sub:b", "sub:c"], listed.Select(e => e.Key));
        Assert.Equal("v:sub:a", listed[0].Value);
        Assert.Equal(listed[1], await Store.GetAsync("sub:b"));
    }

    [PostgresFact]
    public async Task List_honours_the_limit()
    {
        for (var i = 0; i < 12; i++)
        {
            await Store.PutAsync($"outbox:{i:D2}", "v", null);
        }

        var listed = await Store.ListAsync("outbox:", limit: 5);

        Assert.Equal(["outbox:00", "outbox:01", "outbox:02", "outbox:03", "outbox:04"], listed.Select(e => e.Key));
    }

    [PostgresFact]
    public async Task List_with_an_empty_prefix_returns_everything_live()
    {
        await Store.PutAsync("b", "v", null);
        await Store.PutAsync("a", "v", null);

        Assert.Equal(["a", "b"], (await Store.ListAsync("")).Select(e => e.Key));
    }

    [PostgresFact]
    public async Task List_takes_the_prefix_literally()
    {
        await Store.PutAsync("100%_done", "v", null);
        await Store.PutAsync("100xydone", "v", null);
        await Store.PutAsync("100%_", "v", null);

        Assert.Equal(["100%_", "100%_done"], (await Store.ListAsync("100%_")).Select(e => e.Key));
        Assert.Equal(["100%_", "100%_done"], (await Store.ListAsync("100%")).Select(e => e.Key));
    }

    [PostgresFact]
    public async Task List_handles_prefixes_ending_in_high_code_points()
    {
        await Store.PutAsync("x\uffff1", "v", null);
        await Store.PutAsync("x🎓1", "v", null);
        await Store.PutAsync("x🎓2", "v", null);
        await Store.PutAsync("x🎔", "v", null);
        await Store.PutAsync("y", "v", null);

        Assert.Equal(["x🎓1", "x🎓2"], (await Store.ListAsync("x🎓")).Select(e => e.Key));
        Assert.Equal(["x\uffff1"], (await Store.ListAsync("x\uffff")).Select(e => e.Key));
        Assert.Equal(4, (await Store.ListAsync("x")).Count);
    }
}
