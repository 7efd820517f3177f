using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>The recorder: runs only when asked (ITOP_RECORD_SCOPES=1) against a real iTop it may reset.</summary>
public sealed class ScopeRecordingFactAttribute : FactAttribute
{
    public ScopeRecordingFactAttribute() =>
        Skip = Environment.GetEnvironmentVariable("ITOP_RECORD_SCOPES") != "1"
            ? "Recording tool: set ITOP_RECORD_SCOPES=1 (and the real iTop's variables) to record tests/TestData/itop-contract-scopes again."
            : RealItopEnvironment.WhyNotConfigured();
}
