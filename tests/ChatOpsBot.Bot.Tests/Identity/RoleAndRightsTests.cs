using ChatOpsBot.Bot.Identity;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Testing;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rights;

namespace ChatOpsBot.Bot.Tests.Identity;

public sealed class RoleAndRightsTests
{
    private static readonly RolesOptions Options = CreateOptions();

    [Fact]
    public void Roles_come_from_teams_and_configuration()
    {
        var hamid = Resolve(Seed.Person(3, "Hamid", "Le Fleurier", "hamid.le-fleurier@insa-toulouse.fr", Seed.Toulouse));
        Assert.True(hamid.IsIntervenant);
        Assert.Contains("OpenMoodle", hamid.Briques);
        Assert.False(hamid.IsGroupDesk);
        Assert.False(hamid.IsSchoolSupport);

        var lyon = Resolve(Seed.Person(12, "Support", "INSA Lyon", "support@insa-lyon.fr", Seed.Lyon));
        Assert.Equal([3], lyon.SupportOrgIds);
        Assert.False(lyon.IsIntervenant);

        var nathalie = RoleResolver.Resolve(Seed.Person(8, "Nathalie", "Matheu", "", Seed.Groupe), ["NATHALIE.MATHEU@groupe-insa.fr"], Seed.Teams, Seed.Catalog.Organizations, Options);
        Assert.True(nathalie.IsGroupDesk);

        var configured = new RolesOptions { SchoolSupportEmails = ["support@insa-toulouse.fr"] };
        configured.ApplyDefaults();
        var toulouse = RoleResolver.Resolve(Seed.Person(13, "Support", "INSA Toulouse", "support@insa-toulouse.fr", Seed.Toulouse), [], Seed.Teams, Seed.Catalog.Organizations, configured);
        Assert.Equal([4], toulouse.SupportOrgIds);
        Assert.Empty(Resolve(Seed.Person(13, "Support", "INSA Toulouse", "support@insa-toulouse.fr", Seed.Toulouse)).SupportOrgIds);
    }

    [Theory]
    [InlineData(TicketStatus.New, "desk", new[] { TicketAction.Assign, TicketAction.Comment, TicketAction.HandToApprover, TicketAction.Refresh })]
    [InlineData(TicketStatus.New, "intervenant", new[] { TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.New, "support", new[] { TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.New, "other", new TicketAction[0])]
    [InlineData(TicketStatus.Assigned, "intervenant", new[] { TicketAction.Pending, TicketAction.Reassign, TicketAction.Resolve, TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Assigned, "support", new[] { TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Assigned, "colleague", new[] { TicketAction.TakeIt, TicketAction.Pending, TicketAction.Reassign, TicketAction.Resolve, TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Assigned, "desk", new[] { TicketAction.Pending, TicketAction.Reassign, TicketAction.Resolve, TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Pending, "intervenant", new[] { TicketAction.Resume, TicketAction.Assign, TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Pending, "colleague", new[] { TicketAction.Resume, TicketAction.Assign, TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Resolved, "support", new[] { TicketAction.Reopen, TicketAction.Close, TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Resolved, "intervenant", new[] { TicketAction.Comment, TicketAction.Refresh })]
    [InlineData(TicketStatus.Closed, "desk", new TicketAction[0])]
    public void Buttons_by_role_and_state(TicketStatus status, string who, TicketAction[] expected)
    {
        var (roles, personId) = who switch
        {
            "desk" => (new UserRoles { IsGroupDesk = true }, 8),
            "intervenant" => (new UserRoles { Teams = [Seed.Moodle], Briques = ["OpenMoodle"] }, 3),
            "colleague" => (new UserRoles { Teams = [Seed.Moodle], Briques = ["OpenMoodle"] }, 5),
            "support" => (new UserRoles { Teams = [Seed.SupportLyon], SupportOrgIds = [3] }, 12),
            _ => (new UserRoles { Teams = [Seed.Scenari], Briques = ["Scénari"] }, 10),
        };
        var ticket = new Ticket
        {
            Id = 1,
            Ref = "R-000001",
            Title = "t",
            Status = status,
            OrgId = 3,
            CallerId = 11,
            ServiceId = 4,
            TeamId = status == TicketStatus.New ? null : 19,
            AgentId = status == TicketStatus.New ? null : 3,
        };
        Assert.Equal(expected, TicketRights.Allowed(roles, personId, ticket, "OpenMoodle"));
    }

    private static UserRoles Resolve(ChatOpsBot.Tickets.People.Person person) =>
        RoleResolver.Resolve(person, [], Seed.Teams, Seed.Catalog.Organizations, Options);

    private static RolesOptions CreateOptions()
    {
        var options = new RolesOptions { GroupDeskEmails = [SeedRoles.GroupDeskEmail] };
        options.ApplyDefaults();
        return options;
    }
}
