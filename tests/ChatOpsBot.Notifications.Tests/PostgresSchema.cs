using ChatOpsBot.Testing.Postgres;
using Npgsql;

namespace ChatOpsBot.Notifications.Tests;

/// <summary>A schema of its own in the <see cref="PostgresFactAttribute"/> database, dropped with everything in it on dispose.</summary>
internal sealed class PostgresSchema : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresSchema(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = name }.ToString();
    }

    /// <summary>The test database, with this schema as its search path.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresSchema> CreateAsync()
    {
        var schema = new PostgresSchema(PostgresFactAttribute.ConnectionString!, "t_" + Guid.NewGuid().ToString("N"));
        await schema.ExecuteAsync("CREATE SCHEMA " + schema._name);
        return schema;
    }

    public ValueTask DisposeAsync() => new(ExecuteAsync("DROP SCHEMA IF EXISTS " + _name + " CASCADE"));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
