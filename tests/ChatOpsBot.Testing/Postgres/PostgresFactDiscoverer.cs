using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatOpsBot.State.Tests.Infrastructure;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private static int _announced;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresTestServer.ConnectionString is null)
        {
            if (Interlocked.Exchange(ref _announced, 1) == 0)
            {
                // Shown by `dotnet test` at default verbosity (diagnosticMessages in xunit.runner.json).
                diagnosticMessageSink.OnMessage(new DiagnosticMessage("PostgreSQL tests SKIPPED: " + PostgresTestServer.SkipReason));
            }

            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, PostgresTestServer.SkipReason);
        }
        else
        {
            yield return new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
        }
    }
}
