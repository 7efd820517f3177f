using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatOpsBot.Testing.Postgres;

/// <summary>Skips a <see cref="PostgresFactAttribute"/> test that needs PostgreSQL when none is configured, and says so once.</summary>
public sealed class PostgresFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private static int _announced;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        if (NeedsPostgres(testMethod) && PostgresFactAttribute.ConnectionString is null)
        {
            if (Interlocked.Exchange(ref _announced, 1) == 0)
            {
                // Shown by `dotnet test` at default verbosity (diagnosticMessages in xunit.runner.json).
                diagnosticMessageSink.OnMessage(new DiagnosticMessage("PostgreSQL tests SKIPPED: " + PostgresFactAttribute.SkipReason));
            }

            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, PostgresFactAttribute.SkipReason);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
        }
    }

    /// <summary>Always, except a contract suite's test (declared on an abstract class) run by a class not marked <see cref="RequiresPostgresAttribute"/>.</summary>
    private static bool NeedsPostgres(ITestMethod testMethod) =>
        testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any()
        || testMethod.Method is not IReflectionMethodInfo { MethodInfo.DeclaringType.IsAbstract: true };
}
