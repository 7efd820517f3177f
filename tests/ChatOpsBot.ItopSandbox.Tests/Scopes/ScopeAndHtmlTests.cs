using System.Text.Json.Nodes;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Scopes;

public sealed class ScopeAndHtmlTests : SandboxTestBase
{
    [Fact]
    public async Task A_school_account_sees_and_writes_only_its_organization()
    {
        var toulouse = Key(await CreateTicketAsync("Toulouse", org: 4, caller: 6));
        var lyon = Key(await CreateTicketAsync("Lyon"));

        var list = await Client.FormAsync("support-insa-lyon", "sandbox", new { operation = "core/get", @class = "UserRequest", key = "SELECT UserRequest", output_fields = "title" });
        var other = await Client.FormAsync("support-insa-lyon", "sandbox", new { operation = "core/get", @class = "UserRequest", key = int.Parse(toulouse), output_fields = "title" });
        var update = await Client.FormAsync("support-insa-lyon", "sandbox", new
        {
            operation = "core/update", @class = "UserRequest", key = int.Parse(toulouse), comment = "x", fields = new { title = "y" },
        });
        var create = await Client.FormAsync("support-insa-lyon", "sandbox", new
        {
            operation = "core/create", @class = "UserRequest", comment = "x", fields = new { org_id = 4, caller_id = 6, title = "t", description = "d" },
        });

        Assert.Equal("Found: 1", list["message"]!.GetValue<string>());
        Assert.Equal($"UserRequest::{lyon}", list["objects"]!.AsObject().Single().Key);
        Assert.Equal("Found: 0", other["message"]!.GetValue<string>());
        Assert.Equal($"Error: Invalid object UserRequest::{toulouse}", update["message"]!.GetValue<string>());
        Assert.Equal("Error: org_id: Invalid object Organization::4", create["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Description_is_sanitised_and_title_kept_verbatim()
    {
        var reply = await Client.BotAsync(new
        {
            operation = "core/create", @class = "UserRequest", comment = "x",
            fields = new
            {
                org_id = 3, caller_id = 11, title = "<i>Titre</i> l'accès",
                description = "<div onmouseover=\"x()\" style=\"color:blue\">Salut<script>evil()</script><a href=\"https://insa-lyon.fr\">ok</a><a href='javascript:x()'>ko</a></div>",
            },
            output_fields = "title,description",
        });
        var fields = Fields(reply);
        Assert.Equal("<i>Titre</i> l'accès", fields["title"]!.GetValue<string>());
        Assert.Equal("<div style=\"color:blue\">Salut<a href=\"https://insa-lyon.fr\">ok</a><a>ko</a></div>", fields["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oql_supports_joins_in_like_and_parentheses()
    {
        var reply = await Client.BotAsync(new
        {
            operation = "core/get", @class = "Person",
            key = "SELECT Person AS p JOIN lnkPersonToTeam AS l ON l.person_id = p.id WHERE (l.team_id = 20 OR p.email LIKE '%@insa-rennes.fr') AND p.org_id IN (4, 5)",
            output_fields = "friendlyname",
        });
        var names = reply["objects"]!.AsObject().Select(p => p.Value!["fields"]!["friendlyname"]!.GetValue<string>()).ToArray();
        Assert.Equal(["Denis Dieupart-Ruel", "Hamid Le Fleurier", "Hugues Le Moane", "Support INSA Rennes"], names);
    }

    [Fact]
    public async Task Oql_errors_use_itops_text()
    {
        var reply = await Client.BotAsync(new { operation = "core/get", @class = "Team", key = "SELECT Team WHERE nickname = 'x'", output_fields = "name" });
        Assert.Equal(100, reply["code"]!.GetValue<int>());
        Assert.StartsWith("Error: Query failed to execute: query = SELECT Team WHERE nickname = 'x', exception_class = OqlNormalizeException, exception_message = Unknown filter code - found 'nickname' at 18",
            reply["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_administrators_delete_and_read_history()
    {
        var id = int.Parse(Key(await CreateTicketAsync()));
        var botDelete = await Client.BotAsync(new { operation = "core/delete", @class = "UserRequest", key = id, comment = "x" });
        var history = await Client.AdminAsync(new { operation = "core/get", @class = "CMDBChangeOp", key = $"SELECT CMDBChangeOp WHERE objkey = {id}", output_fields = "finalclass,userinfo" });
        var adminDelete = await Client.AdminAsync(new { operation = "core/delete", @class = "UserRequest", key = id, comment = "x" });
        var after = await Client.BotAsync(new { operation = "core/get", @class = "UserRequest", key = id, output_fields = "ref" });

        Assert.Equal(1, botDelete["code"]!.GetValue<int>());
        Assert.Equal("CMDBChangeOpCreate", history["objects"]!.AsObject().Single().Value!["fields"]!["finalclass"]!.GetValue<string>());
        Assert.Equal("tests", history["objects"]!.AsObject().Single().Value!["fields"]!["userinfo"]!.GetValue<string>());
        Assert.Equal("Deleted: 1", adminDelete["message"]!.GetValue<string>());
        Assert.Equal("Found: 0", after["message"]!.GetValue<string>());
    }
}
