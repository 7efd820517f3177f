using Npgsql;

namespace ChatOpsBot.Testing.Postgres;

/// <summary>
/// A schema of its own in the <see cref="PostgresFactAttribute"/> database (created the first time if the server lacks it),
/// so that tests run in parallel on one database; dropped with everything in it on dispose. Set but unreachable is a
/// failure, not a skip.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    private static readonly Lazy<Task> Database = new(EnsureDatabaseAsync);
    private readonly string _admin;

    private PostgresSchema(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = name }.ToString();
    }

    public string Name { get; }

    /// <summary>The test database, with this schema as its search path.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var admin = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException(PostgresFactAttribute.SkipReason);
        await Database.Value;
        var schema = new PostgresSchema(admin, "t_" + Guid.NewGuid().ToString("N"));
        await ExecuteAsync(admin, "CREATE SCHEMA " + schema.Name);
        return schema;
    }

    /// <summary>One value read in this schema.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => new(ExecuteAsync(_admin, "DROP SCHEMA IF EXISTS " + Name + " CASCADE"));

    private static async Task EnsureDatabaseAsync()
    {
        var target = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(admin.ToString());
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", target.Database!);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
                try
                {
                    await create.ExecuteNonQueryAsync();
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"{PostgresFactAttribute.Variable} is set but PostgreSQL at {target.Host}:{target.Port} is unreachable: {ex.Message}", ex);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
