using ChatOpsBot.State.Sqlite;
using ChatOpsBot.State.Tests.Infrastructure;

namespace ChatOpsBot.State.Tests.Contract;

/// <summary>The contract on a real SQLite file in a temp folder; every other instance bypasses the connection pool.</summary>
public sealed class SqliteContractTests : StateContractTests
{
    private readonly TempFolder _folder = new();
    private readonly List<IDisposable> _instances = [];

    private string ConnectionString(bool pooled) =>
        $"Data Source={_folder.File("state.db")}" + (pooled ? string.Empty : ";Pooling=False");

    protected override Task InitializeBackendAsync() => Task.CompletedTask;

    protected override Task DisposeBackendAsync()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        _folder.Dispose();
        return Task.CompletedTask;
    }

    protected override IStateStore CreateStore()
    {
        var store = new SqliteStateStore(ConnectionString(_instances.Count % 2 == 0), Time);
        _instances.Add(store);
        return store;
    }

    protected override ILeaseManager CreateLeaseManager(string holderId)
    {
        var manager = new SqliteLeaseManager(ConnectionString(_instances.Count % 2 == 0), Time, holderId);
        _instances.Add(manager);
        return manager;
    }

    protected override Task<int> PurgeExpiredAsync(IStateStore store) => ((SqliteStateStore)store).PurgeExpiredAsync();
}
