using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>
/// The recording tool of tests/TestData/itop-contract-scopes (skipped unless ITOP_RECORD_SCOPES=1): resets the real iTop
/// to its seed, sends every step of <see cref="ScopeScenario"/> and writes each exchange, secrets redacted.
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class ScopeRecorderTests(ITestOutputHelper output)
{
    [ScopeRecordingFact]
    public async Task Record_the_scope_exchanges_from_the_real_itop()
    {
        await RealItopEnvironment.ResetAsync();
        using var sender = new ExchangeSender(ItopTarget.RealFromEnvironment()!);
        foreach (var stale in ScopeRecordings.Files())
        {
            File.Delete(stale);
        }

        var recorded = new List<(string File, RecordedExchange Exchange)>();
        for (var i = 0; i < ScopeScenario.Steps.Count; i++)
        {
            var step = ScopeScenario.Steps[i];
            var (status, contentType, body) = await sender.SendAsync(step.Login, step.JsonData);
            var exchange = new RecordedExchange(step.Scenario, step.Login, step.JsonData, status, contentType, body);
            var file = ScopeRecordings.FileName(i + 1, step.Slug);
            await File.WriteAllTextAsync(Path.Combine(ScopeRecordings.Folder, file), exchange.ToJson());
            recorded.Add((file, exchange));
            output.WriteLine($"{file}: {body["code"]} {body["message"]}");
        }

        ScopeRecordings.WriteIndex(recorded);
    }
}
