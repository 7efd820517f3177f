using Xunit;

namespace ChatOpsBot.Itop.Tests.Infrastructure;

/// <summary>A fact that runs only against a real iTop: set ITOP_TEST_URL and ITOP_TEST_TOKEN (optionally ITOP_TEST_USER/ITOP_TEST_PASSWORD for check_credentials).</summary>
public sealed class RealItopFactAttribute : FactAttribute
{
    public RealItopFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ITOP_TEST_URL")) ||
            string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN")))
        {
            Skip = "Set ITOP_TEST_URL and ITOP_TEST_TOKEN to run against a real iTop.";
        }
    }
}
