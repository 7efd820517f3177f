using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ChatOpsBot.Bot.Tests.Unit;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Scratch_team_21()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        using var reader = new ItopReader(sandbox);
        var teams = await reader.QueryAsync("Team", JsonValue.Create("SELECT Team")!, "name,org_id,org_name,persons_list");
        foreach (var t in teams) output.WriteLine(t.ToJsonString());
        var links = await reader.QueryAsync("lnkPersonToTeam", JsonValue.Create("SELECT lnkPersonToTeam WHERE team_id = 21")!, "person_id,team_id");
        foreach (var t in links) output.WriteLine(t.ToJsonString());
        Assert.True(teams.Count > 0);
    }
}
