namespace ChatOpsBot.Bot.Tests.Notifications;

/// <summary>A fact skipped, with the reason, when CHATOPSBOT_TEST_POSTGRES is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CHATOPSBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (ConnectionString is null)
        {
            Skip = Variable + " not set: set it to a PostgreSQL connection string "
                + "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres) to run the multi-instance tests";
        }
    }

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
