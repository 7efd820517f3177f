using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;
using ChatOpsBot.Tickets.Tests.Infrastructure;
using Xunit;
using static ChatOpsBot.Tickets.Tests.Infrastructure.Fixtures;

namespace ChatOpsBot.Tickets.Tests;

public sealed class TicketDraftTests
{
    private static TicketDraft Draft => LyonDraft;

    [Fact]
    public void A_valid_draft_passes() => Draft.Validate(JeanDupontPerson, Fixtures.Catalog);

    [Theory]
    [InlineData(TicketRuleCode.TitleRequired)]
    [InlineData(TicketRuleCode.DescriptionRequired)]
    [InlineData(TicketRuleCode.CallerOtherOrganization)]
    [InlineData(TicketRuleCode.CallerRequired)]
    [InlineData(TicketRuleCode.ServiceNotCovered)]
    [InlineData(TicketRuleCode.SubServiceOfOtherService)]
    [InlineData(TicketRuleCode.SubServiceNotServiceRequest)]
    [InlineData(TicketRuleCode.ServiceRequired)]
    [InlineData(TicketRuleCode.UnknownService)]
    public void Invalid_drafts_are_refused(TicketRuleCode expected)
    {
        var (draft, caller) = expected switch
        {
            TicketRuleCode.TitleRequired => (Draft with { Title = " " }, JeanDupontPerson),
            TicketRuleCode.DescriptionRequired => (Draft with { Description = "" }, JeanDupontPerson),
            TicketRuleCode.CallerOtherOrganization => (Draft with { CallerId = HamidLeFleurier }, HamidPerson),
            TicketRuleCode.CallerRequired => (Draft, null),
            TicketRuleCode.ServiceNotCovered => (Draft with { OrgId = InsaRennes, ServiceId = HebergementPilote, SubServiceId = null }, JeanDupontPerson with { OrgId = InsaRennes }),
            TicketRuleCode.SubServiceOfOtherService => (Draft with { SubServiceId = CreationDeCompte }, JeanDupontPerson),
            TicketRuleCode.SubServiceNotServiceRequest => (Draft with { ServiceId = AssistanceMoodle, SubServiceId = PlateformeIndisponible }, JeanDupontPerson),
            TicketRuleCode.ServiceRequired => (Draft with { ServiceId = null }, JeanDupontPerson),
            _ => (Draft with { ServiceId = 99999 }, JeanDupontPerson),
        };
        var ex = Assert.Throws<TicketRuleException>(() => draft.Validate(caller, Fixtures.Catalog));
        Assert.Equal(expected, ex.Code);
    }
}
