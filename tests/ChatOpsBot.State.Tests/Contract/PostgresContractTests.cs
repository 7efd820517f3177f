using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Postgres;
using ChatOpsBot.State.Tests.Infrastructure;
using Npgsql;

namespace ChatOpsBot.State.Tests.Contract;

/// <summary>The contract on PostgreSQL, in a schema of its own; every instance has its own data source (pool).</summary>
[RequiresPostgres]
public sealed class PostgresContractTests : StateContractTests
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string _schema = string.Empty;
    private string _connectionString = string.Empty;

    protected override async Task InitializeBackendAsync() =>
        (_schema, _connectionString) = await PostgresTestServer.CreateSchemaAsync();

    protected override async Task DisposeBackendAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }

        if (_schema.Length > 0)
        {
            await PostgresTestServer.DropSchemaAsync(_schema);
        }
    }

    protected override IStateStore CreateStore() => new PostgresStateStore(NewDataSource(), Time);

    protected override ILeaseManager CreateLeaseManager(string holderId) => new PostgresLeaseManager(NewDataSource(), Time, holderId);

    protected override Task<int> PurgeExpiredAsync(IStateStore store) => ((PostgresStateStore)store).PurgeExpiredAsync();

    private NpgsqlDataSource NewDataSource()
    {
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }
}
