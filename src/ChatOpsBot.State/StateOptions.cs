namespace ChatOpsBot.State;

/// <summary>Options bound from the <c>State</c> section.</summary>
public sealed class StateOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "State";

    /// <summary>Used when <see cref="ConnectionString"/> is empty and the provider is SQLite.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/chatopsbot.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public StateProvider Provider { get; set; } = StateProvider.Sqlite;

    /// <summary>Provider connection string; optional for SQLite, required for PostgreSQL. Secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string actually used, with the SQLite default applied.</summary>
    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == StateProvider.Sqlite
            ? DefaultSqliteConnectionString
            : ConnectionString ?? string.Empty;
}
