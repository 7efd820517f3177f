using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatOpsBot.State;

/// <summary>Checks <see cref="StateOptions"/> at start; messages never echo the connection string (it may hold a password).</summary>
internal sealed class StateOptionsValidator : IValidateOptions<StateOptions>
{
    public ValidateOptionsResult Validate(string? name, StateOptions options)
    {
        return options.Provider switch
        {
            StateProvider.Sqlite => ValidateSqlite(options.ResolveConnectionString()),
            StateProvider.Postgres => ValidatePostgres(options.ConnectionString),
            _ => ValidateOptionsResult.Fail($"State:Provider '{options.Provider}' is not supported; use Sqlite or Postgres."),
        };
    }

    private static ValidateOptionsResult ValidateSqlite(string connectionString)
    {
        try
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.DataSource)
                ? ValidateOptionsResult.Fail("State:ConnectionString must name a SQLite file (Data Source=...).")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("State:ConnectionString is not a valid SQLite connection string.");
        }
    }

    private static ValidateOptionsResult ValidatePostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail("State:ConnectionString is required when State:Provider is Postgres.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail("State:ConnectionString must set Host for PostgreSQL.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("State:ConnectionString is not a valid PostgreSQL connection string.");
        }
    }
}
