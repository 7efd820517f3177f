using System.Net.Http.Headers;
using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Rest;

public sealed class AuthTests : SandboxTestBase
{
    private const string ListOperations = """{"operation":"list_operations"}""";

    [Fact]
    public async Task Form_auth_in_the_body_is_accepted()
    {
        var reply = await Client.FormAsync("teams-bot", "sandbox", new { operation = "list_operations" });
        Assert.Equal(0, reply["code"]!.GetValue<int>());
        Assert.Equal("Operations: 7", reply["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("teams-bot", "wrong")]
    [InlineData("nobody", "sandbox")]
    [InlineData("teams-bot-token", "sandbox-token")]
    public async Task Wrong_credentials_give_code_1(string user, string password)
    {
        var reply = await Client.FormAsync(user, password, new { operation = "list_operations" });
        Assert.Equal(1, reply["code"]!.GetValue<int>());
        Assert.Equal("Error: Invalid login", reply["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Form_credentials_in_the_query_string_are_ignored()
    {
        var reply = await Client.PostAsync("webservices/rest.php?version=1.4&auth_user=teams-bot&auth_pwd=sandbox", [new("json_data", ListOperations)]);
        Assert.Equal(1, reply["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Basic_auth_is_accepted_and_checked()
    {
        var ok = await Client.PostAsync("webservices/rest.php?version=1.4", [new("json_data", ListOperations)],
            r => r.Headers.Authorization = SandboxClient.Basic("teams-bot", "sandbox"));
        var bad = await Client.PostAsync("webservices/rest.php?version=1.4", [new("json_data", ListOperations)],
            r => r.Headers.Authorization = SandboxClient.Basic("teams-bot", "nope"));
        Assert.Equal(0, ok["code"]!.GetValue<int>());
        Assert.Equal(1, bad["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Application_token_in_header_or_query()
    {
        var header = await Client.PostAsync("webservices/rest.php?version=1.4", [new("json_data", ListOperations)],
            r => r.Headers.Add("Auth-Token", "sandbox-token"));
        var query = await Client.PostAsync("webservices/rest.php?version=1.4&auth_token=sandbox-token", [new("json_data", ListOperations)]);
        var invalid = await Client.PostAsync("webservices/rest.php?version=1.4", [new("json_data", ListOperations)],
            r => r.Headers.Add("Auth-Token", "not-the-token"));
        Assert.Equal(0, header["code"]!.GetValue<int>());
        Assert.Equal(0, query["code"]!.GetValue<int>());
        Assert.Equal("Error: Invalid login", invalid["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Accounts_without_the_rest_profile_are_refused()
    {
        var admin = await Client.FormAsync("admin", "sandbox", new { operation = "list_operations" });
        var portal = await Client.FormAsync("jean.dupont", "sandbox", new { operation = "list_operations" });
        Assert.Equal(1, admin["code"]!.GetValue<int>());
        Assert.StartsWith("Error: This user is not authorized to use the web services.", admin["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Error: Portal user is not allowed", portal["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Version_is_required_and_checked()
    {
        var missing = await Client.PostAsync("webservices/rest.php", [new("auth_user", "teams-bot"), new("auth_pwd", "sandbox"), new("json_data", ListOperations)]);
        var wrong = await Client.FormAsync("teams-bot", "sandbox", new { operation = "list_operations" }, version: "2.0");
        var old = await Client.FormAsync("teams-bot", "sandbox", new { operation = "list_operations" }, version: "1.0");
        Assert.Equal(2, missing["code"]!.GetValue<int>());
        Assert.Equal(10, wrong["code"]!.GetValue<int>());
        Assert.Equal(0, old["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Http_status_is_always_200_even_for_garbage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webservices/rest.php?version=1.4")
        {
            Content = new StringContent("auth_user=teams-bot&auth_pwd=sandbox&json_data=%7Bnot-json", System.Text.Encoding.ASCII),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var reply = await Client.SendAsync(request);
        Assert.Equal(4, reply["code"]!.GetValue<int>());
    }
}
