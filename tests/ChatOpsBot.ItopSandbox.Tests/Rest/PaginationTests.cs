using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Rest;

public sealed class PaginationTests : SandboxTestBase
{
    private Task<System.Text.Json.Nodes.JsonObject> PageAsync(int limit, int page) =>
        Client.BotAsync(new { operation = "core/get", @class = "UserRequest", key = "SELECT UserRequest", output_fields = "ref", limit, page });

    [Fact]
    public async Task Pages_split_the_result_and_message_keeps_the_total()
    {
        for (var i = 0; i < 7; i++)
        {
            await CreateTicketAsync("Ticket " + i);
        }

        var first = await PageAsync(3, 1);
        var third = await PageAsync(3, 3);
        var beyond = await PageAsync(3, 4);

        Assert.Equal("Found: 7", first["message"]!.GetValue<string>());
        Assert.Equal(3, first["objects"]!.AsObject().Count);
        Assert.Equal("Found: 7", third["message"]!.GetValue<string>());
        Assert.Single(third["objects"]!.AsObject());
        Assert.Equal("Found: 7", beyond["message"]!.GetValue<string>());
        Assert.Null(beyond["objects"]);

        // Default order of UserRequest is ref descending: page 1 holds the newest tickets.
        Assert.Equal(["UserRequest::7", "UserRequest::6", "UserRequest::5"], first["objects"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("UserRequest::1", third["objects"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task Page_zero_is_code_13()
    {
        var reply = await PageAsync(5, 0);
        Assert.Equal(13, reply["code"]!.GetValue<int>());
        Assert.True(reply.ContainsKey("objects"));
    }
}
