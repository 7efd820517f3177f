using ChatOpsBot.Testing.Postgres;
using Npgsql;

namespace ChatOpsBot.State.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server named by CHATOPSBOT_TEST_POSTGRES. Each test gets its own schema (via Search Path),
/// so tests run in parallel on one database. Set but unreachable is a failure, not a skip.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = PostgresFactAttribute.Variable;

    public const string SkipReason = PostgresFactAttribute.SkipReason;

    private static readonly Lazy<Task> Database = new(EnsureDatabaseAsync);

    public static string? ConnectionString => PostgresFactAttribute.ConnectionString;

    /// <summary>Creates a fresh schema and returns (its name, a connection string whose search path is that schema).</summary>
    public static async Task<(string Schema, string ConnectionString)> CreateSchemaAsync()
    {
        var connectionString = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        await Database.Value;
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(connectionString, $"CREATE SCHEMA {schema};");
        return (schema, new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString());
    }

    public static Task DropSchemaAsync(string schema) =>
        ExecuteAsync(ConnectionString!, $"DROP SCHEMA IF EXISTS {schema} CASCADE;");

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task EnsureDatabaseAsync()
    {
        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
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
                $"{Variable} is set but PostgreSQL at {target.Host}:{target.Port} is unreachable: {ex.Message}", ex);
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
