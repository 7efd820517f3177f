using Xunit;
using Xunit.Sdk;

namespace ChatOpsBot.State.Tests.Infrastructure;

/// <summary>
/// A fact that is reported as skipped, with the reason, when its class is marked
/// <see cref="RequiresPostgresAttribute"/> and CHATOPSBOT_TEST_POSTGRES is not set. Lets one abstract contract
/// suite run against SQLite always and PostgreSQL when available.
/// </summary>
[XunitTestCaseDiscoverer("ChatOpsBot.State.Tests.Infrastructure.ProviderFactDiscoverer", "ChatOpsBot.State.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;
