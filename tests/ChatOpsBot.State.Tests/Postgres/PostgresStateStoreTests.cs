using ChatOpsBot.Testing.Postgres;
using ChatOpsBot.State.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace ChatOpsBot.State.Tests.Postgres;

[RequiresPostgres]
public sealed class PostgresStateStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private PostgresSchema? _schema;

    private string ConnectionString => _schema!.ConnectionString;

    public async Task InitializeAsync() => _schema = await PostgresSchema.CreateAsync();

    public async Task DisposeAsync()
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

    [PostgresFact]
    public async Task Instances_starting_together_on_an_empty_database_migrate_once()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresStateStore(NewDataSource(), _time)).ToArray();
        var leases = Enumerable.Range(0, 2).Select(i => new PostgresLeaseManager(NewDataSource(), _time, $"i{i}")).ToArray();

        await Task.WhenAll(
            stores.Select(s => (Task)Task.Run(() => s.PutAsync("k", "v", StateETag.Any)))
                .Concat(leases.Select(l => (Task)Task.Run(() => l.TryAcquireAsync("poller", TimeSpan.FromSeconds(30))))));

        Assert.Equal(PostgresMigrations.All.Count, await _schema!.ScalarAsync<long>("SELECT COUNT(*) FROM state_schema_version"));
        Assert.Equal(PostgresMigrations.LatestVersion, await _schema!.ScalarAsync<int>("SELECT MAX(version) FROM state_schema_version"));
    }

    [PostgresFact]
    public async Task Keys_sort_by_code_point_whatever_the_database_collation()
    {
        var store = new PostgresStateStore(NewDataSource(), _time);
        foreach (var key in new[] { "p:b", "p:B", "p:a", "p:_", "p:é" })
        {
            await store.PutAsync(key, "v", null);
        }

        Assert.Equal(["p:B", "p:_", "p:a", "p:b", "p:é"], (await store.ListAsync("p:")).Select(e => e.Key));
    }

    [PostgresFact]
    public async Task Through_the_container_two_instances_share_state_and_one_lease_and_report_healthy()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["State:Provider"] = "Postgres", ["State:ConnectionString"] = ConnectionString })
            .Build();
        await using var first = new ServiceCollection().AddLogging().AddStateStore(configuration).BuildServiceProvider();
        await using var second = new ServiceCollection().AddLogging().AddStateStore(configuration).BuildServiceProvider();

        var report = await first.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var started = await first.GetRequiredService<IStateStore>().PutAsync("dialog:c1:u1", "step-2", null);
        var continued = await second.GetRequiredService<IStateStore>().PutAsync("dialog:c1:u1", "step-3", started!.ETag);
        var lease = await first.GetRequiredService<ILeaseManager>().TryAcquireAsync("poller", TimeSpan.FromMinutes(1));

        Assert.Equal(HealthStatus.Healthy, report.Entries["state"].Status);
        Assert.IsType<PostgresStateStore>(second.GetRequiredService<IStateStore>());
        Assert.NotNull(continued);
        Assert.NotNull(lease);
        Assert.Null(await second.GetRequiredService<ILeaseManager>().TryAcquireAsync("poller", TimeSpan.FromMinutes(1)));
    }

    private NpgsqlDataSource NewDataSource()
    {
        var dataSource = NpgsqlDataSource.Create(ConnectionString);
        _dataSources.Add(dataSource);
        return dataSource;
    }
}
