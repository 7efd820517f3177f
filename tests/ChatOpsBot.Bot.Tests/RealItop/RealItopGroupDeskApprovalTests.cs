using ChatOpsBot.Bot.Tests.Approvals;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Testing.RealItop;

namespace ChatOpsBot.Bot.Tests.RealItop;

/// <summary>
/// Issue 14 against the real iTop: no request waits on nobody. A school without approvers has the bot's request decided
/// by the group desk, and a request the console put in waiting_for_approval without an approver too (iTop takes
/// ev_approve and ev_reject from the bot's account on a request with approver_id 0).
/// </summary>
[Collection(RealItopCollection.Name)]
public sealed class RealItopGroupDeskApprovalTests
{
    private const string RestAdminPassword = "RestAdmin#2024";

    [RealItopFact(ResetsItop = true)]
    public async Task A_request_waiting_on_nobody_is_decided_by_the_group_desk_on_the_real_itop()
    {
        await RealItopReset.RunAsync();
        var url = new Uri(Environment.GetEnvironmentVariable("ITOP_TEST_URL")!);
        await using var host = await ApprovalHost.StartAsync(new Dictionary<string, string?>
        {
            ["Itop:BaseUrl"] = url.ToString(),
            ["Itop:Token"] = Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN"),
        });
        using var console = new ItopConsole(url, RestAdminPassword);
        await GroupDeskApprovalTests.RequestOnNobodyIsDecidedByTheDeskAsync(host, console);
    }

    [RealItopFact(ResetsItop = true)]
    public async Task A_school_without_approvers_has_its_request_decided_by_the_group_desk_on_the_real_itop()
    {
        await RealItopReset.RunAsync();
        var url = new Uri(Environment.GetEnvironmentVariable("ITOP_TEST_URL")!);
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Itop:BaseUrl"] = url.ToString(),
            ["Itop:Token"] = Environment.GetEnvironmentVariable("ITOP_TEST_TOKEN"),
        });
        using var console = new ItopConsole(url, RestAdminPassword);
        await GroupDeskApprovalTests.SchoolWithoutApproversIsDecidedByTheDeskAsync(host, console);
    }
}
