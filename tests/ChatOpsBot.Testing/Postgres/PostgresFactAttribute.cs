using Xunit;
using Xunit.Sdk;

namespace ChatOpsBot.Testing.Postgres;

/// <summary>
/// A test on PostgreSQL: reported as skipped, with the reason, when CHATOPSBOT_TEST_POSTGRES is not set (set but
/// unreachable is a failure). On an abstract contract suite that runs on every store, only the subclasses marked
/// <see cref="RequiresPostgresAttribute"/> need it: the same test runs on SQLite always and on PostgreSQL when available.
/// </summary>
[XunitTestCaseDiscoverer("ChatOpsBot.Testing.Postgres.PostgresFactDiscoverer", "ChatOpsBot.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CHATOPSBOT_TEST_POSTGRES";

    public const string SkipReason =
        Variable + " not set: set it to a PostgreSQL connection string " +
        "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres) to run the PostgreSQL tests";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
