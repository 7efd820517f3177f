using Xunit;

namespace ChatOpsBot.Testing.RealItop;

/// <summary>
/// A fact that runs only against a real iTop: set ITOP_TEST_URL and ITOP_TEST_TOKEN (optionally ITOP_TEST_USER /
/// ITOP_TEST_PASSWORD for check_credentials). <see cref="ResetsItop"/>: the test puts iTop back to its seed first and
/// also needs ITOP_TEST_RESET (never set it for an iTop whose data matters).
/// </summary>
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

    public bool ResetsItop
    {
        get;
        set
        {
            field = value;
            if (value && Skip is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ITOP_TEST_RESET")))
            {
                Skip = "Set ITOP_TEST_RESET (the kit's reset.sh) to run the tests that reset the real iTop.";
            }
        }
    }
}
