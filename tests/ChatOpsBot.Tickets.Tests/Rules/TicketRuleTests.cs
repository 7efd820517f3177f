using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Lifecycle;
using ChatOpsBot.Tickets.Rules;
using ChatOpsBot.Tickets.Tests.Infrastructure;
using Xunit;
using static ChatOpsBot.Tickets.Tests.Infrastructure.Fixtures;

namespace ChatOpsBot.Tickets.Tests.Rules;

public sealed class TicketRuleTests
{
    private static Ticket NewTicket => TicketIn(TicketStatus.New) with { TeamId = null, AgentId = null };

    [Fact]
    public void Assign_requires_a_team()
    {
        var ex = Assert.Throws<TicketRuleException>(() => NewTicket.Assign(null, HamidLeFleurier));
        Assert.Equal(TicketRuleCode.TeamRequired, ex.Code);
        Assert.Equal("Choisissez une équipe pour assigner le ticket.", ex.ReasonFr);
        Assert.Equal("Choose a team to assign the ticket.", ex.ReasonEn);
    }

    [Fact]
    public void Assign_requires_an_agent()
    {
        var ex = Assert.Throws<TicketRuleException>(() => NewTicket.Assign(IntervenantsMoodle, null));
        Assert.Equal(TicketRuleCode.AgentRequired, ex.Code);
        Assert.Equal("Choose an agent to assign the ticket.", ex.ReasonEn);
    }

    [Fact]
    public void Assign_refuses_an_agent_outside_the_team()
    {
        var ex = Assert.Throws<TicketRuleException>(() => NewTicket.Assign(IntervenantsScenari, HuguesLeMoane));
        Assert.Equal(TicketRuleCode.AgentNotInTeam, ex.Code);
        Assert.Equal("L'intervenant choisi n'est pas membre de l'équipe « Intervenants Scénari ».", ex.ReasonFr);
        Assert.Equal("The chosen agent is not a member of the team “Intervenants Scénari”.", ex.ReasonEn);
    }

    [Fact]
    public void Assign_writes_team_and_agent()
    {
        var t = NewTicket.Assign(IntervenantsMoodle, HamidLeFleurier);
        Assert.Equal((19, HamidLeFleurier, TicketStatus.Assigned), (t.Changes.TeamId!.Value, t.Changes.AgentId!.Value, t.To));
    }

    [Fact]
    public void Back_from_pending_keeps_team_and_agent_when_none_given()
    {
        var t = TicketIn(TicketStatus.Pending).Assign(IntervenantsMoodle, null);
        Assert.Equal(HamidLeFleurier, t.Changes.AgentId);
    }

    [Fact]
    public void Reassign_to_another_team_needs_an_agent_of_that_team()
    {
        var ticket = TicketIn(TicketStatus.Assigned);
        Assert.Equal(TicketRuleCode.AgentRequired, Assert.Throws<TicketRuleException>(() => ticket.Reassign(IntervenantsScenari, null)).Code);
        Assert.Equal(DenisDieupartRuel, ticket.Reassign(IntervenantsScenari, DenisDieupartRuel).Changes.AgentId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Pending_requires_a_reason(string? reason)
    {
        var ex = Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.Assigned).SetPending(reason));
        Assert.Equal(TicketRuleCode.PendingReasonRequired, ex.Code);
        Assert.Equal("Indiquez la raison de la mise en attente.", ex.ReasonFr);
    }

    [Fact]
    public void Resolve_requires_a_solution()
    {
        var ex = Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.Assigned).Resolve(" ", Fixtures.Catalog));
        Assert.Equal(TicketRuleCode.SolutionRequired, ex.Code);
        Assert.Equal("Describe the solution to resolve the ticket.", ex.ReasonEn);
    }

    [Fact]
    public void Resolve_requires_a_service()
    {
        var ticket = TicketIn(TicketStatus.Assigned) with { ServiceId = null, SubServiceId = null };
        var ex = Assert.Throws<TicketRuleException>(() => ticket.Resolve("Fait.", Fixtures.Catalog));
        Assert.Equal(TicketRuleCode.ServiceRequired, ex.Code);
        Assert.Equal("Choisissez un service pour ce ticket.", ex.ReasonFr);
        var ok = ticket.Resolve("Fait.", Fixtures.Catalog, GestionDesComptes, CreationDeCompte);
        Assert.Equal((GestionDesComptes, CreationDeCompte), (ok.Changes.ServiceId!.Value, ok.Changes.SubServiceId!.Value));
    }

    [Fact]
    public void Resolve_refuses_a_service_not_covered_by_the_contract()
    {
        // Contract 067: INSA Rennes asking for the pilot service that only INSA Lyon's contract covers.
        var ticket = TicketIn(TicketStatus.Assigned, InsaRennes) with { ServiceId = HebergementPilote, SubServiceId = DemandeInstance };
        var ex = Assert.Throws<TicketRuleException>(() => ticket.Resolve("Fait.", Fixtures.Catalog));
        Assert.Equal(TicketRuleCode.ServiceNotCovered, ex.Code);
        Assert.Equal("Le service « Hébergement Moodle dédié (pilote) » n'est pas couvert par le contrat de INSA Rennes.", ex.ReasonFr);
        Assert.Equal("The service “Hébergement Moodle dédié (pilote)” is not covered by the contract of INSA Rennes.", ex.ReasonEn);
        Assert.Equal(TicketStatus.Resolved, (ticket with { OrgId = InsaLyon }).Resolve("Fait.", Fixtures.Catalog).To);
    }

    [Fact]
    public void Resolve_refuses_a_sub_service_of_another_service()
    {
        var ex = Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.Assigned).Resolve("Fait.", Fixtures.Catalog, DroitsMoodle, CreationDeCompte));
        Assert.Equal(TicketRuleCode.SubServiceOfOtherService, ex.Code);
        Assert.Equal("The sub-service “Création de compte” does not belong to the service “Droits Moodle”.", ex.ReasonEn);
    }

    [Fact]
    public void Resolve_refuses_an_incident_sub_service()
    {
        var ex = Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.Assigned).Resolve("Fait.", Fixtures.Catalog, AssistanceMoodle, PlateformeIndisponible));
        Assert.Equal(TicketRuleCode.SubServiceNotServiceRequest, ex.Code);
        Assert.Equal("Le sous-service « Plateforme indisponible » est réservé aux incidents, pas aux demandes.", ex.ReasonFr);
    }

    [Fact]
    public void Resolve_with_a_new_service_drops_the_old_sub_service()
    {
        var t = TicketIn(TicketStatus.Assigned).Resolve("Fait.", Fixtures.Catalog, GestionDesComptes);
        Assert.Equal(GestionDesComptes, t.Changes.ServiceId);
        Assert.Null(t.Changes.SubServiceId);
        Assert.Equal("assistance", t.Changes.ResolutionCode);
    }

    [Fact]
    public void Reopen_from_resolved_goes_back_to_assigned_and_needs_team_and_agent()
    {
        Assert.Equal(TicketStatus.Assigned, TicketIn(TicketStatus.Resolved).Reopen().To);
        var ex = Assert.Throws<TicketRuleException>(() => (TicketIn(TicketStatus.Resolved) with { AgentId = null }).Reopen());
        Assert.Equal(TicketRuleCode.AgentRequired, ex.Code);
        Assert.Equal(TicketStatus.New, TicketIn(TicketStatus.Rejected).Reopen().To);
    }

    [Fact]
    public void Reject_requires_a_reason_that_goes_to_the_public_log()
    {
        var ticket = TicketIn(TicketStatus.WaitingForApproval);
        Assert.Equal(TicketRuleCode.RejectReasonRequired, Assert.Throws<TicketRuleException>(() => ticket.Reject(null)).Code);
        Assert.Equal("Hors périmètre", ticket.Reject(" Hors périmètre ").Changes.PublicLogText);
    }

    [Fact]
    public void Approver_must_belong_to_the_ticket_organisation()
    {
        var ex = Assert.Throws<TicketRuleException>(() => NewTicket.RequestApproval(HamidPerson));
        Assert.Equal(TicketRuleCode.ApproverOtherOrganization, ex.Code);
        Assert.Equal("The approver must belong to INSA Lyon.", ex.ReasonEn);
        Assert.Equal(JeanDupont, NewTicket.RequestApproval(JeanDupontPerson).Changes.ApproverId);
        Assert.Null(NewTicket.RequestApproval(null).Changes.ApproverId);
    }

    [Fact]
    public void Approve_carries_its_note_to_the_public_log_in_the_same_move()
    {
        var ticket = TicketIn(TicketStatus.WaitingForApproval);
        Assert.Equal("Accord", ticket.Approve(" Accord ").Changes.PublicLogText);
        Assert.Null(ticket.Approve().Changes.PublicLogText);
        Assert.Null(ticket.Approve("  ").Changes.PublicLogText);
    }

    [Fact]
    public void Hand_over_only_while_waiting_to_another_approver_of_the_school()
    {
        var waiting = TicketIn(TicketStatus.WaitingForApproval) with { ApproverId = 4 };
        Assert.Equal(JeanDupont, waiting.HandToApprover(JeanDupontPerson).Changes.ApproverId);
        Assert.Equal(("Absente", "Demande d'approbation transmise à Jean Dupont."),
            (waiting.HandToApprover(JeanDupontPerson, " Absente ").Changes.PrivateLogText, waiting.HandToApprover(JeanDupontPerson).Changes.PrivateLogText));

        var otherSchool = Assert.Throws<TicketRuleException>(() => waiting.HandToApprover(HamidPerson));
        Assert.Equal(TicketRuleCode.ApproverOtherOrganization, otherSchool.Code);
        var same = Assert.Throws<TicketRuleException>(() => (waiting with { ApproverId = JeanDupont }).HandToApprover(JeanDupontPerson));
        Assert.Equal((TicketRuleCode.SameApprover, "Jean Dupont is already the approver of this ticket."), (same.Code, same.ReasonEn));

        foreach (var status in new[] { TicketStatus.New, TicketStatus.Approved, TicketStatus.Rejected, TicketStatus.Assigned })
        {
            var late = Assert.Throws<TicketRuleException>(() => (TicketIn(status) with { ApproverId = 4 }).HandToApprover(JeanDupontPerson));
            Assert.Equal(TicketRuleCode.NotWaitingForApproval, late.Code);
        }

        Assert.Equal(TicketRuleCode.TicketClosed, Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.Closed).HandToApprover(JeanDupontPerson)).Code);
        Assert.Equal("Ce ticket n'attend pas d'approbation : il est à l'état « Approuvé ».",
            Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.Approved).HandToApprover(JeanDupontPerson)).Message);
    }

    [Fact]
    public void Every_move_carries_one_case_log_line_the_desk_heads_with_the_actor()
    {
        var assigned = TicketIn(TicketStatus.Assigned);
        var reassign = assigned.Reassign(IntervenantsMoodle, HuguesLeMoane, " Hugues, peux-tu regarder ? ");
        Assert.Equal("Réassigné à Hugues Le Moane (Intervenants Moodle).\nHugues, peux-tu regarder ?", reassign.Changes.PrivateLogText);
        Assert.Equal("Réassigné à Hugues Le Moane (Intervenants Moodle).", assigned.Reassign(IntervenantsMoodle, HuguesLeMoane).Changes.PrivateLogText);
        var pending = assigned.SetPending(" En attente du numéro d'étudiant ");
        Assert.Equal(("En attente du numéro d'étudiant", "Mis en attente.\nEn attente du numéro d'étudiant"), (pending.Changes.PendingReason, pending.Changes.PrivateLogText));
        Assert.Equal("Assigné à Hamid Le Fleurier (Intervenants Moodle).", NewTicket.Assign(IntervenantsMoodle, HamidLeFleurier).Changes.PrivateLogText);
        Assert.Equal("Rouvert.", TicketIn(TicketStatus.Resolved).Reopen().Changes.PrivateLogText);
        Assert.Equal("Clôturé.", TicketIn(TicketStatus.Resolved).Close().Changes.PrivateLogText);

        // The decision's own note is the entry (public log): no private line besides.
        var waiting = TicketIn(TicketStatus.WaitingForApproval);
        Assert.Equal(("Accord", (string?)null), (waiting.Approve("Accord").Changes.PublicLogText, waiting.Approve("Accord").Changes.PrivateLogText));
        Assert.Equal(((string?)null, "Approuvé."), (waiting.Approve().Changes.PublicLogText, waiting.Approve().Changes.PrivateLogText));
    }

    [Fact]
    public void Nothing_after_closed_not_even_a_comment()
    {
        var closed = TicketIn(TicketStatus.Closed);
        Assert.Equal(TicketRuleCode.TicketClosed, Assert.Throws<TicketRuleException>(() => closed.Comment("merci", isPublic: true)).Code);
        Assert.Equal(TicketRuleCode.TicketClosed, Assert.Throws<TicketRuleException>(() => closed.Reopen()).Code);
        Assert.Equal("merci", TicketIn(TicketStatus.Resolved).Comment(" merci ", isPublic: true).Changes.PublicLogText);
        Assert.Equal("note", TicketIn(TicketStatus.Resolved).Comment("note", isPublic: false).Changes.PrivateLogText);
        Assert.Equal(TicketRuleCode.CommentRequired, Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.New).Comment(" ", isPublic: true)).Code);
    }

    [Fact]
    public void Required_fields_per_target_state_follow_LIFECYCLE()
    {
        Assert.Equal(["team_id", "agent_id"], TicketLifecycle.RequiredFields(TicketStatus.Assigned));
        Assert.Equal(["team_id", "agent_id", "pending_reason"], TicketLifecycle.RequiredFields(TicketStatus.Pending));
        Assert.Equal(["solution", "resolution_code", "service_id"], TicketLifecycle.RequiredFields(TicketStatus.Resolved));
        Assert.Empty(TicketLifecycle.RequiredFields(TicketStatus.Closed));
    }

    [Fact]
    public void Every_rule_code_has_a_french_and_an_english_text()
    {
        foreach (var code in Enum.GetValues<TicketRuleCode>())
        {
            var ex = new TicketRuleException(code, "A", "B");
            Assert.False(string.IsNullOrWhiteSpace(ex.ReasonFr));
            Assert.False(string.IsNullOrWhiteSpace(ex.ReasonEn));
            Assert.NotEqual(ex.ReasonFr, ex.ReasonEn);
        }
    }
}
