using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Postgres;
using Npgsql;

namespace ChatOpsBot.State.Tests.Contract;

/// <summary>The contract on PostgreSQL, in a schema of its own; every instance has its own data source (pool).</summary>
[RequiresPostgres]
public sealed class PostgresContractTests : StateContractTests
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private PostgresSchema? _schema;

    private string ConnectionString => _schema!.ConnectionString;

    protected override async Task InitializeBackendAsync() =>
        _schema = await PostgresSchema.CreateAsync();

    protected override async Task DisposeBackendAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    protected override IStateStore CreateStore() => new PostgresStateStore(NewDataSource(), Time);

    protected override ILeaseManager CreateLeaseManager(string holderId) => new PostgresLeaseManager(NewDataSource(), Time, holderId);

    protected override Task<int> PurgeExpiredAsync(IStateStore store) => ((PostgresStateStore)store).PurgeExpiredAsync();

    private NpgsqlDataSource NewDataSource()
    {
        var dataSource = NpgsqlDataSource.Create(ConnectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }
}
