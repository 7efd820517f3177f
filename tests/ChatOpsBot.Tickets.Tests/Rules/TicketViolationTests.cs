using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Catalog;
using ChatOpsBot.Tickets.Rules;
using ChatOpsBot.Tickets.Tests.Infrastructure;
using Xunit;
using static ChatOpsBot.Tickets.Tests.Infrastructure.Fixtures;

namespace ChatOpsBot.Tickets.Tests.Rules;

/// <summary>The domain lists every rule a draft or a move breaks, with the field each concerns, for a form to show them all at once.</summary>
public sealed class TicketViolationTests
{
    private static readonly TicketDraft Draft = LyonDraft;

    private static (TicketRuleCode, TicketField)[] Of(IEnumerable<TicketViolation> violations) => violations.Select(v => (v.Code, v.Field)).ToArray();

    [Fact]
    public void An_empty_draft_lists_every_field_it_lacks()
    {
        var empty = new TicketDraft { OrgId = 0, CallerId = 0, Title = " ", Description = "", Urgency = 0 };

        Assert.Equal(
            [
                (TicketRuleCode.OrganizationRequired, TicketField.Organization), (TicketRuleCode.CallerRequired, TicketField.Caller),
                (TicketRuleCode.TitleRequired, TicketField.Title), (TicketRuleCode.DescriptionRequired, TicketField.Description),
                (TicketRuleCode.UrgencyInvalid, TicketField.Urgency), (TicketRuleCode.ServiceRequired, TicketField.Service),
            ],
            Of(empty.Check(null, Fixtures.Catalog, DraftCompleteness.Complete)));
        Assert.DoesNotContain(TicketRuleCode.ServiceRequired, empty.Check(null, Fixtures.Catalog).Select(v => v.Code));
    }

    [Fact]
    public void A_valid_draft_has_no_violation_and_the_throwing_check_throws_the_first()
    {
        Assert.Empty(Draft.Check(JeanDupontPerson, Fixtures.Catalog, DraftCompleteness.Complete));
        var ex = Assert.Throws<TicketRuleException>(() => (Draft with { Title = "", Description = "" }).Validate(JeanDupontPerson, Fixtures.Catalog));
        Assert.Equal((TicketRuleCode.TitleRequired, TicketField.Title), (ex.Code, ex.Field));
    }

    [Fact]
    public void A_title_longer_than_itop_keeps_is_refused_to_a_person_only()
    {
        var longTitle = Draft with { Title = new string('é', TicketDraft.TitleMaxLength + 1) };

        var violation = Assert.Single(longTitle.Check(JeanDupontPerson, Fixtures.Catalog, DraftCompleteness.Complete));
        Assert.Equal((TicketRuleCode.TitleTooLong, TicketField.Title), (violation.Code, violation.Field));
        Assert.Equal("Le titre fait plus de 255 caractères, la limite d'iTop.", violation.Reason(TicketTexts.French));
        Assert.Empty(longTitle.Check(JeanDupontPerson, Fixtures.Catalog));
        Assert.Empty((Draft with { Title = new string('é', TicketDraft.TitleMaxLength) }).Check(JeanDupontPerson, Fixtures.Catalog, DraftCompleteness.Complete));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    public void An_urgency_outside_itops_four_is_refused(int urgency) =>
        Assert.Equal([(TicketRuleCode.UrgencyInvalid, TicketField.Urgency)], Of((Draft with { Urgency = urgency }).Check(JeanDupontPerson, Fixtures.Catalog)));

    [Fact]
    public void A_caller_of_another_school_concerns_the_caller() =>
        Assert.Equal([(TicketRuleCode.CallerOtherOrganization, TicketField.Caller)], Of((Draft with { CallerId = HamidLeFleurier }).Check(HamidPerson, Fixtures.Catalog)));

    [Theory]
    [InlineData(99999, null, TicketRuleCode.UnknownService, TicketField.Service)]
    [InlineData(HebergementPilote, null, TicketRuleCode.ServiceNotCovered, TicketField.Service)]
    [InlineData(DroitsMoodle, 99999, TicketRuleCode.UnknownSubService, TicketField.SubService)]
    [InlineData(DroitsMoodle, CreationDeCompte, TicketRuleCode.SubServiceOfOtherService, TicketField.SubService)]
    [InlineData(AssistanceMoodle, PlateformeIndisponible, TicketRuleCode.SubServiceNotServiceRequest, TicketField.SubService)]
    [InlineData(DroitsMoodle, ObsoleteSubService, TicketRuleCode.SubServiceObsolete, TicketField.SubService)]
    public void The_catalog_rules_name_the_service_or_the_sub_service(int serviceId, int? subServiceId, TicketRuleCode code, TicketField field)
    {
        var draft = Draft with { OrgId = InsaRennes, ServiceId = serviceId, SubServiceId = subServiceId };
        var catalog = WithObsoleteSubService();

        Assert.Equal([(code, field)], Of(draft.Check(JeanDupontPerson with { OrgId = InsaRennes }, catalog)));
    }

    [Fact]
    public void A_sub_service_is_judged_only_under_a_service_that_holds() =>
        Assert.Equal(
            [(TicketRuleCode.UnknownService, TicketField.Service)],
            Of((Draft with { ServiceId = 99999, SubServiceId = 99999 }).Check(JeanDupontPerson, Fixtures.Catalog)));

    [Fact]
    public void An_assignment_lists_the_team_then_the_agent_and_its_check_keeps_no_agent()
    {
        var ticket = TicketIn(TicketStatus.New);

        Assert.Equal([(TicketRuleCode.TeamRequired, TicketField.Team)], Of(ticket.CheckAssign(null, null).Violations));
        Assert.Equal([(TicketRuleCode.AgentRequired, TicketField.Agent)], Of(ticket.CheckAssign(IntervenantsMoodle, null).Violations));
        var notMember = Assert.Single(ticket.CheckAssign(IntervenantsMoodle, DenisDieupartRuel).Violations);
        Assert.Equal((TicketRuleCode.AgentNotInTeam, TicketField.Agent), (notMember.Code, notMember.Field));
        Assert.Equal("L'intervenant choisi n'est pas membre de l'équipe « Intervenants Moodle ».", notMember.Reason(TicketTexts.French));

        // The throwing move keeps the ticket's agent when its team stays; the check judges what was chosen.
        Assert.Equal(HamidLeFleurier, TicketIn(TicketStatus.Pending).Assign(IntervenantsMoodle, null).Changes.AgentId);
        Assert.Equal([(TicketRuleCode.AgentRequired, TicketField.Agent)], Of(TicketIn(TicketStatus.Assigned).CheckReassign(IntervenantsMoodle, null).Violations));
    }

    [Fact]
    public void A_refused_move_lists_its_own_violation_first_then_its_inputs()
    {
        var closed = TicketIn(TicketStatus.Closed);

        Assert.Equal([(TicketRuleCode.TicketClosed, TicketField.None), (TicketRuleCode.CommentRequired, TicketField.Comment)], Of(closed.CheckComment(" ", isPublic: true).Violations));
        Assert.Equal(
            [(TicketRuleCode.TransitionNotAllowed, TicketField.None), (TicketRuleCode.PendingReasonRequired, TicketField.Reason)],
            Of(TicketIn(TicketStatus.New).CheckSetPending(null).Violations));
        var ex = Assert.Throws<TicketRuleException>(() => TicketIn(TicketStatus.New).SetPending(null));
        Assert.Equal((TicketRuleCode.TransitionNotAllowed, TicketField.None), (ex.Code, ex.Field));
    }

    [Fact]
    public void A_resolution_lists_its_solution_and_its_service()
    {
        var noService = TicketIn(TicketStatus.Assigned) with { ServiceId = null, SubServiceId = null };

        Assert.Equal(
            [(TicketRuleCode.SolutionRequired, TicketField.Solution), (TicketRuleCode.ServiceRequired, TicketField.Service)],
            Of(noService.CheckResolve(" ", Fixtures.Catalog).Violations));
        Assert.Equal(
            [(TicketRuleCode.SubServiceOfOtherService, TicketField.SubService)],
            Of(TicketIn(TicketStatus.Assigned).CheckResolve("fait", Fixtures.Catalog, DroitsMoodle, CreationDeCompte).Violations));
        Assert.True(TicketIn(TicketStatus.Assigned).CheckResolve("fait", Fixtures.Catalog).IsAllowed);
    }

    [Fact]
    public void A_person_reopening_says_why_the_desk_need_not()
    {
        var resolved = TicketIn(TicketStatus.Resolved);

        Assert.Equal([(TicketRuleCode.ReopenReasonRequired, TicketField.Reason)], Of(resolved.CheckReopen(" ").Violations));
        Assert.True(resolved.CheckReopen(null, reasonRequired: false).IsAllowed);
        Assert.Equal("Pas encore réglé", resolved.CheckReopen("Pas encore réglé").OrThrow().Changes.PublicLogText);
        Assert.Equal(
            [(TicketRuleCode.TeamRequired, TicketField.Team), (TicketRuleCode.AgentRequired, TicketField.Agent), (TicketRuleCode.ReopenReasonRequired, TicketField.Reason)],
            Of((resolved with { TeamId = null, AgentId = null }).CheckReopen(null).Violations));
    }

    [Fact]
    public void Approvals_name_their_reason_and_their_approver()
    {
        var waiting = TicketIn(TicketStatus.WaitingForApproval) with { ApproverId = 4 };

        Assert.Equal([(TicketRuleCode.RejectReasonRequired, TicketField.Reason)], Of(waiting.CheckReject("").Violations));
        Assert.Equal(
            [(TicketRuleCode.ApproverOtherOrganization, TicketField.Approver)],
            Of(TicketIn(TicketStatus.New).CheckRequestApproval(HamidPerson).Violations));
        var sameApprover = new People.Person(4, "Hélène", "Dechelette", "helene.dechelette@insa-lyon.fr", InsaLyon, "INSA Lyon");
        Assert.Equal(
            [(TicketRuleCode.NotWaitingForApproval, TicketField.None), (TicketRuleCode.ApproverOtherOrganization, TicketField.Approver)],
            Of(TicketIn(TicketStatus.New).CheckHandToApprover(HamidPerson).Violations));
        Assert.Equal([(TicketRuleCode.SameApprover, TicketField.Approver)], Of(waiting.CheckHandToApprover(sameApprover).Violations));
        Assert.True(waiting.CheckApprove().IsAllowed);
        Assert.Equal([(TicketRuleCode.TransitionNotAllowed, TicketField.None)], Of(TicketIn(TicketStatus.Assigned).CheckClose().Violations));
    }

    [Fact]
    public void A_private_entry_is_refused_outside_the_group_side()
    {
        var ticket = TicketIn(TicketStatus.Assigned);
        var support = new Rights.UserRoles { SupportOrgIds = [InsaLyon] };
        var intervenant = new Rights.UserRoles { Teams = [IntervenantsMoodle] };

        Assert.Equal([(TicketRuleCode.PrivateLogNotAllowed, TicketField.LogVisibility)], Of(Rights.TicketRights.CheckComment(support, ticket, "OpenMoodle", isPublic: false)));
        Assert.Empty(Rights.TicketRights.CheckComment(support, ticket, "OpenMoodle", isPublic: true));
        Assert.Empty(Rights.TicketRights.CheckComment(intervenant, ticket, "OpenMoodle", isPublic: false));
    }

    [Fact]
    public void Every_rule_code_has_a_french_and_an_english_text()
    {
        foreach (var code in Enum.GetValues<TicketRuleCode>())
        {
            var violation = new TicketViolation(code, TicketField.None, "A", "B");
            var french = violation.Reason(TicketTexts.French);
            var english = violation.Reason(TicketTexts.English);
            Assert.False(string.IsNullOrWhiteSpace(french), code.ToString());
            Assert.False(string.IsNullOrWhiteSpace(english), code.ToString());
            Assert.NotEqual(french, english);
        }
    }

    private const int ObsoleteSubService = 90;

    private static ServiceCatalog WithObsoleteSubService() => new(
        Fixtures.Catalog.Briques,
        Fixtures.Catalog.Services,
        [.. Fixtures.Catalog.SubServices, new SubService(ObsoleteSubService, "Ancien droit", DroitsMoodle, SubService.ServiceRequestType, "obsolete")],
        Fixtures.Catalog.Contracts,
        Fixtures.Catalog.Organizations);
}
