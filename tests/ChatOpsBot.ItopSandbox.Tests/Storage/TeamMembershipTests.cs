using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Storage;

/// <summary>Team.persons_list and Person.team_list come from the lnkPersonToTeam links, as in iTop (042, 047).</summary>
public sealed class TeamMembershipTests : SandboxTestBase
{
    [Fact]
    public async Task Every_team_lists_its_members_from_the_links()
    {
        var reply = await Client.BotAsync(new { operation = "core/get", @class = "Team", key = "SELECT Team WHERE name = 'Support INSA Lyon'", output_fields = "name,persons_list" });

        var members = Members(reply, "persons_list", "person_id_friendlyname");
        Assert.Equal(["Eloise Joyeux", "Hélène Dechelette", "Support INSA Lyon"], members);
        var first = reply["objects"]!.AsObject().Single().Value!["fields"]!["persons_list"]![0]!;
        Assert.Equal("Eloise Joyeux / Support INSA Lyon", first["friendlyname"]!.GetValue<string>());
        Assert.Equal("Joyeux", first["person_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_person_lists_their_teams_from_the_links()
    {
        var reply = await Client.BotAsync(new { operation = "core/get", @class = "Person", key = new { email = "hugues.le-moane@insa-rennes.fr" }, output_fields = "friendlyname,team_list" });

        Assert.Equal(["Intervenants Moodle", "Support INSA Rennes"], Members(reply, "team_list", "team_name"));
    }

    private static string[] Members(JsonObject reply, string list, string field) =>
        [.. reply["objects"]!.AsObject().Single().Value!["fields"]![list]!.AsArray().Select(m => m![field]!.GetValue<string>())];
}
