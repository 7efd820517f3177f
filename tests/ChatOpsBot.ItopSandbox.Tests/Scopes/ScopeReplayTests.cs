using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

/// <summary>The recorded scope exchanges (tests/TestData/itop-contract-scopes) replayed against a fresh sandbox.</summary>
public sealed class ScopeReplayTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_scope_exchange_replays_against_the_sandbox()
    {
        await using var host = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var failures = await ScopeReplay.RunAsync(ItopTarget.Sandbox(host.BaseAddress));

        var report = ScopeReplay.Report(ScopeRecordings.Files().Count, failures);
        output.WriteLine(report);
        Assert.True(failures.Count == 0, report);
    }

    [Fact]
    public async Task The_recordings_tell_a_school_account_from_an_unrestricted_one()
    {
        await using var host = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var failures = await ScopeReplay.RunAsync(ItopTarget.Sandbox(host.BaseAddress), login => login.StartsWith("support-insa-", StringComparison.Ordinal) ? "teams-bot" : login);

        Assert.Contains(failures.Keys, f => f.EndsWith("-lyon-get-organizations.json", StringComparison.Ordinal));
        Assert.Contains(failures.Keys, f => f.EndsWith("-lyon-create-other-school.json", StringComparison.Ordinal));
        Assert.Contains(failures.Keys, f => f.EndsWith("-lyon-assign-other-school-ticket.json", StringComparison.Ordinal));
        Assert.DoesNotContain(failures.Keys, f => f.EndsWith("-lyon-get-subservices.json", StringComparison.Ordinal));
    }

    [Fact]
    public void The_recordings_are_the_steps_of_the_scenario()
    {
        var files = ScopeRecordings.Files();
        Assert.Equal(ScopeScenario.Steps.Count, files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var step = ScopeScenario.Steps[i];
            var recorded = RecordedExchange.Load(files[i]);
            Assert.Equal(ScopeRecordings.FileName(i + 1, step.Slug), Path.GetFileName(files[i]));
            Assert.Equal((step.Scenario, step.Login), (recorded.Scenario, recorded.Login));
            Assert.True(JsonNode.DeepEquals(step.JsonData, recorded.JsonData), $"{files[i]}: json_data differs from the scenario step; record again");
            Assert.DoesNotContain("SupportInsa", File.ReadAllText(files[i]), StringComparison.Ordinal);
        }
    }
}
