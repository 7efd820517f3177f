namespace ChatOpsBot.State;

/// <summary>Where the state lives (<c>State:Provider</c>).</summary>
public enum StateProvider
{
    /// <summary>A local SQLite file (one machine; several processes may share the file).</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL database (several instances on several machines).</summary>
    Postgres = 1,
}
