using ChatOpsBot.State.Postgres;
using ChatOpsBot.State.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatOpsBot.State;

/// <summary>The store and lease manager of the configured provider, sharing one database handle.</summary>
internal sealed class StateBackend : IDisposable
{
    private readonly IDisposable _owned;

    private StateBackend(IStateStore store, ILeaseManager leases, IDisposable owned)
    {
        Store = store;
        Leases = leases;
        _owned = owned;
    }

    public IStateStore Store { get; }

    public ILeaseManager Leases { get; }

    public static StateBackend Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StateOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger("ChatOpsBot.State");
        var connectionString = options.ResolveConnectionString();

        if (options.Provider == StateProvider.Postgres)
        {
            var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggers).Build();
            var database = new PostgresDatabase(dataSource, time, logger);
            return new StateBackend(
                new PostgresStateStore(database, time, logger),
                new PostgresLeaseManager(database, time, holderId: null, logger),
                dataSource);
        }

        var file = new SqliteDatabase(connectionString, time, logger);
        return new StateBackend(
            new SqliteStateStore(file, time, logger, ownsDatabase: false),
            new SqliteLeaseManager(file, time, holderId: null, logger, ownsDatabase: false),
            file);
    }

    public void Dispose() => _owned.Dispose();
}
