namespace ChatOpsBot.Bot.Tests.RealItop;

/// <summary>Runs only with a real iTop that may be reset: ITOP_TEST_URL, ITOP_TEST_TOKEN and ITOP_TEST_RESET set.</summary>
public sealed class RealItopFactAttribute : FactAttribute
{
    public RealItopFactAttribute()
    {
        if (new[] { "ITOP_TEST_URL", "ITOP_TEST_TOKEN", "ITOP_TEST_RESET" }.Any(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))))
        {
            Skip = "Set ITOP_TEST_URL, ITOP_TEST_TOKEN and ITOP_TEST_RESET to run the bot against the real iTop.";
        }
    }
}
