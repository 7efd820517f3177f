using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests;

/// <summary>Approval branch of the lifecycle (107, 109, 110, 112, 114) through the desk, against the sandbox.</summary>
public sealed class SandboxApprovalTests
{
    private static readonly Actor Jean = new(11, "Jean Dupont");
    private static readonly Actor Hamid = new(3, "Hamid Le Fleurier");

    [Fact]
    public async Task Approve_then_assign_and_reject_then_reopen()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" });
        var desk = sp.GetRequiredService<ITicketDesk>();
        var draft = new TicketDraft { OrgId = 3, CallerId = 11, Title = "Instance Moodle dédiée", Description = "Pour le pilote.", ServiceId = 7, SubServiceId = 16 };

        var a = await desk.CreateTicketAsync(draft, Jean, default);
        var waiting = await desk.RequestApprovalAsync(a.Id, 11, Hamid, default);
        Assert.Equal((TicketStatus.WaitingForApproval, 11), (waiting.Status, waiting.ApproverId!.Value));
        var refused = await Assert.ThrowsAsync<TicketRuleException>(() => desk.AssignAsync(a.Id, 19, 3, Hamid, default));
        Assert.Equal(TicketRuleCode.TransitionNotAllowed, refused.Code);
        Assert.Equal(TicketStatus.Approved, (await desk.ApproveAsync(a.Id, Jean, default)).Status);
        Assert.Equal(TicketStatus.Assigned, (await desk.AssignAsync(a.Id, 19, 3, Hamid, default)).Status);

        var b = await desk.CreateTicketAsync(draft, Jean, default);
        await desk.RequestApprovalAsync(b.Id, null, Hamid, default);
        var rejected = await desk.RejectAsync(b.Id, "Le pilote est complet.", Jean, default);
        Assert.Equal(TicketStatus.Rejected, rejected.Status);
        Assert.Contains(rejected.PublicLog, e => e.Text.Contains("Le pilote est complet.", StringComparison.Ordinal) || e.Html.Contains("Le pilote est complet.", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.New, (await desk.ReopenAsync(b.Id, Jean, default)).Status);
    }
}
