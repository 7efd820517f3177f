using ChatOpsBot.Itop.Tests.Infrastructure;
using ChatOpsBot.ItopSandbox;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ChatOpsBot.Itop.Tests.Sandbox;

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
        Assert.Equal(TicketStatus.Approved, (await desk.ApproveAsync(a.Id, null, Jean, default)).Status);
        Assert.Equal(TicketStatus.Assigned, (await desk.AssignAsync(a.Id, 19, 3, Hamid, default)).Status);

        var b = await desk.CreateTicketAsync(draft, Jean, default);
        await desk.RequestApprovalAsync(b.Id, null, Hamid, default);
        var rejected = await desk.RejectAsync(b.Id, "Le pilote est complet.", Jean, default);
        Assert.Equal(TicketStatus.Rejected, rejected.Status);
        Assert.Contains(rejected.PublicLog, e => e.Text.Contains("Le pilote est complet.", StringComparison.Ordinal));
        Assert.Equal(TicketStatus.New, (await desk.ReopenAsync(b.Id, Jean, default)).Status);
    }

    [Fact]
    public async Task Hand_to_another_approver_then_approve_with_a_note_in_one_write_each()
    {
        await using var sandbox = await ItopSandboxHost.StartAsync(new ItopSandboxOptions());
        var counter = new RequestCounter();
        await using var sp = DeskFactory.Build(sandbox.BaseAddress, settings: new Dictionary<string, string?> { ["Itop:Token"] = "sandbox-token" },
            extra: s => s.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => counter)));
        var desk = sp.GetRequiredService<ITicketDesk>();
        var draft = new TicketDraft { OrgId = 3, CallerId = 11, Title = "Droit de création de cours", Description = "Nouvel enseignant.", ServiceId = 4, SubServiceId = 8 };
        var ticket = await desk.CreateTicketAsync(draft, Jean, default);
        var waiting = await desk.RequestApprovalAsync(ticket.Id, 4, Hamid, default);
        Assert.Equal((4, "Hélène Dechelette"), (waiting.ApproverId!.Value, waiting.ApproverName));

        counter.Take();
        var handed = await desk.HandToApproverAsync(ticket.Id, 11, "Je suis absente cette semaine.", new Actor(4, "Hélène Dechelette"), default);
        Assert.Equal(["core/get UserRequest", "core/update UserRequest"], counter.Take());
        Assert.Equal((TicketStatus.WaitingForApproval, 11, "Jean Dupont"), (handed.Status, handed.ApproverId!.Value, handed.ApproverName));
        Assert.Contains(handed.PrivateLog, e => e.Text.Contains("Je suis absente cette semaine.", StringComparison.Ordinal));

        var same = await Assert.ThrowsAsync<TicketRuleException>(() => desk.HandToApproverAsync(ticket.Id, 11, null, Jean, default));
        Assert.Equal(TicketRuleCode.SameApprover, same.Code);
        var otherSchool = await Assert.ThrowsAsync<TicketRuleException>(() => desk.HandToApproverAsync(ticket.Id, 3, null, Jean, default));
        Assert.Equal(TicketRuleCode.ApproverOtherOrganization, otherSchool.Code);
        counter.Take();

        var approved = await desk.ApproveAsync(ticket.Id, "Approuvé par Jean Dupont : d'accord pour ce semestre.", Jean, default);
        Assert.Equal(["core/get UserRequest", "core/apply_stimulus UserRequest ev_approve"], counter.Take());
        Assert.Equal(TicketStatus.Approved, approved.Status);
        Assert.Contains(approved.PublicLog, e => e.Text.Contains("d'accord pour ce semestre.", StringComparison.Ordinal));

        var late = await Assert.ThrowsAsync<TicketRuleException>(() => desk.HandToApproverAsync(ticket.Id, 4, null, Jean, default));
        Assert.Equal(TicketRuleCode.NotWaitingForApproval, late.Code);
        Assert.Equal(11, (await desk.GetTicketAsync(ticket.Id, default))!.ApproverId);
    }
}
