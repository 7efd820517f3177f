using ChatOpsBot.Testing.RealItop;
using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>The same recordings replayed against the real iTop reset to its seed: the recordings and the real thing checked together.</summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopScopeReplayTests(ITestOutputHelper output)
{
    [RealItopFact(ResetsItop = true)]
    public async Task Every_scope_exchange_replays_against_the_real_itop()
    {
        await RealItopEnvironment.ResetAsync();
        var failures = await ScopeReplay.RunAsync(ItopTarget.RealFromEnvironment()!);

        var report = ScopeReplay.Report(ScopeRecordings.Files().Count, failures);
        output.WriteLine(report);
        Assert.True(failures.Count == 0, report);
    }
}
