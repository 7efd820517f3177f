using ChatOpsBot.State.Sqlite;
using ChatOpsBot.State.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ChatOpsBot.State.Tests.Sqlite;

public sealed class SqliteStateStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly List<IDisposable> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task First_use_creates_the_missing_folder_and_a_WAL_file()
    {
        var file = Path.Combine(_folder.Path, "data", "nested", "chatopsbot.db");
        var store = NewStore($"Data Source={file}");
        Assert.False(Directory.Exists(Path.GetDirectoryName(file)));

        await store.PutAsync("k", "v", null);

        Assert.True(File.Exists(file));
        Assert.Equal("wal", Scalar<string>(file, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task The_schema_version_table_records_each_migration_once()
    {
        var file = _folder.File("state.db");
        await NewStore($"Data Source={file}").GetAsync("k");
        await NewStore($"Data Source={file};Pooling=False").GetAsync("k");

        Assert.Equal(SqliteMigrations.All.Count, Scalar<long>(file, "SELECT COUNT(*) FROM state_schema_version;"));
        Assert.Equal(SqliteMigrations.LatestVersion, Scalar<long>(file, "SELECT MAX(version) FROM state_schema_version;"));
    }

    [Fact]
    public async Task Instances_starting_together_on_a_new_file_migrate_once()
    {
        var file = _folder.File("state.db");
        var stores = Enumerable.Range(0, 8).Select(i => NewStore($"Data Source={file}" + (i % 2 == 0 ? "" : ";Pooling=False"))).ToArray();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.PutAsync("k", "v", StateETag.Any))));

        Assert.Equal(SqliteMigrations.All.Count, Scalar<long>(file, "SELECT COUNT(*) FROM state_schema_version;"));
    }

    [Fact]
    public async Task Entries_survive_a_restart()
    {
        var file = _folder.File("state.db");
        var first = NewStore($"Data Source={file}");
        var written = await first.PutAsync("cursor", "2026-03-02T08:00:00Z", null, TimeSpan.FromDays(1));
        first.Dispose();

        Assert.Equal(written, await NewStore($"Data Source={file}").GetAsync("cursor"));
    }

    [Fact]
    public async Task A_write_waits_for_another_connection_holding_the_write_lock()
    {
        var file = _folder.File("state.db");
        var store = NewStore($"Data Source={file}");
        await store.GetAsync("k");

        // Another process's writer, as SQLite sees it: its own handle, an open write transaction.
        using var other = new SqliteConnection($"Data Source={file};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO state_entries (key, value, etag) VALUES ('other', 'v', 'e');";
            begin.ExecuteNonQuery();
        }

        var put = Task.Run(() => store.PutAsync("k", "v", null));
        var early = await Task.WhenAny(put, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(put, early);

        using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            commit.ExecuteNonQuery();
        }

        Assert.NotNull(await put);
        Assert.Equal("v", (await store.GetAsync("other"))!.Value);
    }

    [Fact]
    public async Task A_file_location_that_cannot_be_created_fails_with_an_io_error()
    {
        var blocker = _folder.File("blocker");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var store = NewStore($"Data Source={Path.Combine(blocker, "state.db")}");

        await Assert.ThrowsAnyAsync<IOException>(() => store.GetAsync("k"));
    }

    [Fact]
    public async Task Three_processes_incrementing_one_counter_on_one_file_lose_no_update()
    {
        var file = _folder.File("shared.db");
        var store = NewStore($"Data Source={file}");
        await store.PutAsync("counter", "0", null);

        var children = Enumerable.Range(0, 2).Select(_ => ChildProcess.ChildProcessRunner.Start("increment", file, "40")).ToArray();
        for (var done = 0; done < 40;)
        {
            var current = await store.GetAsync("counter");
            var next = (int.Parse(current!.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await store.PutAsync("counter", next, current.ETag) is not null)
            {
                done++;
            }
        }

        foreach (var child in children)
        {
            using (child)
            {
                var stderr = child.StandardError.ReadToEndAsync();
                await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
                Assert.True(child.ExitCode == 0, $"child exited with {child.ExitCode}: {await stderr}");
            }
        }

        Assert.Equal("120", (await store.GetAsync("counter"))!.Value);
        Assert.Equal(80, (await store.ListAsync("by:")).Count);
    }

    private SqliteStateStore NewStore(string connectionString)
    {
        var store = new SqliteStateStore(connectionString, _time);
        _stores.Add(store);
        return store;
    }

    private static T Scalar<T>(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
