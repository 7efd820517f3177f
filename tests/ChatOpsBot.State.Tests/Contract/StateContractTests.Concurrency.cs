using ChatOpsBot.Testing.Postgres;
using System.Globalization;
using ChatOpsBot.State.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.State.Tests.Contract;

public abstract partial class StateContractTests
{
    [PostgresFact]
    public async Task Fifty_concurrent_creates_of_the_same_key_have_exactly_one_winner()
    {
        IStateStore[] stores = [Store, CreateStore()];
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await stores[i % 2].PutAsync("activity:seen:42", $"handler-{i}", null, TimeSpan.FromMinutes(15));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner, await Store.GetAsync("activity:seen:42"));
    }

    [PostgresFact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        IStateStore[] stores = [Store, CreateStore()];
        await Store.PutAsync("counter", "0", null);
        const int Workers = 8;
        const int Increments = 10;

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var store = stores[w % 2];
            var conflicts = 0;
            for (var done = 0; done < Increments;)
            {
                var current = await store.GetAsync("counter");
                var next = (int.Parse(current!.Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                if (await store.PutAsync("counter", next, current.ETag) is null)
                {
                    conflicts++;
                }
                else
                {
                    done++;
                }
            }

            return conflicts;
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal((Workers * Increments).ToString(CultureInfo.InvariantCulture), (await Store.GetAsync("counter"))!.Value);
    }

    [PostgresFact]
    public async Task UpdateAsync_from_two_instances_loses_no_update()
    {
        IStateStore[] stores = [Store, CreateStore()];
        const int Workers = 4;
        const int Increments = 5;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var written = 0;
            for (var i = 0; i < Increments; i++)
            {
                var update = await stores[w % 2].UpdateAsync("counter", value => ((value is null ? 0 : int.Parse(value, CultureInfo.InvariantCulture)) + 1).ToString(CultureInfo.InvariantCulture));
                written += update is { Written: true } ? 1 : 0;
            }

            return written;
        })).ToArray();
        start.SetResult();

        Assert.All(await Task.WhenAll(workers), written => Assert.Equal(Increments, written));
        Assert.Equal((Workers * Increments).ToString(CultureInfo.InvariantCulture), (await Store.GetAsync("counter"))!.Value);
    }

    [PostgresFact]
    public async Task UpdateAsync_writes_nothing_when_the_value_is_unchanged_or_the_change_declines()
    {
        var stored = await Store.PutAsync("convref:a", "v1", null);

        var same = await Store.UpdateAsync("convref:a", value => value);
        Assert.Equal((stored, false), (same!.Entry, same.Written));

        Assert.Null(await Store.UpdateAsync("convref:a", _ => null));
        Assert.Null(await Store.UpdateAsync("convref:absent", value => value is null ? null : "x"));
        Assert.Equal(stored, await Store.GetAsync("convref:a"));
        Assert.Null(await Store.GetAsync("convref:absent"));

        var changed = await Store.UpdateAsync("convref:a", value => value + "+", TimeSpan.FromMinutes(5));
        Assert.True(changed!.Written);
        Assert.Equal(("v1+", Time.GetUtcNow() + TimeSpan.FromMinutes(5)), (changed.Entry.Value, changed.Entry.ExpiresAt));
    }
}
