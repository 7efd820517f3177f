using ChatOpsBot.ItopSandbox.Tests.Infrastructure;
using Xunit;

namespace ChatOpsBot.ItopSandbox.Tests.Storage;

public sealed class RefAllocationTests : SandboxTestBase
{
    [Fact]
    public async Task Refs_are_sequential_and_failed_checks_leave_gaps()
    {
        var first = await CreateTicketAsync();
        var noTitle = await Client.BotAsync(new
        {
            operation = "core/create", @class = "UserRequest", comment = "tests",
            fields = new { org_id = 3, caller_id = 11, description = "x" },
        });
        var unknownAttribute = await Client.BotAsync(new
        {
            operation = "core/create", @class = "UserRequest", comment = "tests",
            fields = new { org_id = 3, caller_id = 11, title = "x", description = "x", teams_conversation_id = "19:x" },
        });
        var second = await CreateTicketAsync();

        Assert.Equal("R-000001", Fields(first)["ref"]!.GetValue<string>());
        Assert.Equal(100, noTitle["code"]!.GetValue<int>());
        Assert.StartsWith("Error: Unexpected value for attribute 'Title' (title) : Null not allowed", noTitle["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Error: teams_conversation_id: Unknown attribute", unknownAttribute["message"]!.GetValue<string>());

        // The attribute check failed after the ref was allocated (R-000002 lost); the unknown attribute failed before.
        Assert.Equal("R-000003", Fields(second)["ref"]!.GetValue<string>());
        Assert.Equal("2", Key(second));
    }

    [Fact]
    public async Task An_explicit_ref_is_stored_but_still_consumes_a_number()
    {
        var explicitRef = await Client.BotAsync(new
        {
            operation = "core/create", @class = "UserRequest", comment = "tests",
            fields = new { org_id = 3, caller_id = 11, title = "x", description = "x", @ref = "R-999999" },
            output_fields = "ref",
        });
        var next = await CreateTicketAsync();
        Assert.Equal("R-999999", Fields(explicitRef)["ref"]!.GetValue<string>());
        Assert.Equal("R-000002", Fields(next)["ref"]!.GetValue<string>());
    }
}
