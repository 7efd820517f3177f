using System.Globalization;
using ChatOpsBot.Bot.Actions;
using ChatOpsBot.Bot.Dialogs;
using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Cards;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;
using ChatOpsBot.Tickets.Rules;

namespace ChatOpsBot.Bot.Tests.Localization;

/// <summary>The forms show the domain's violations under their inputs, in the bot's words where it has them.</summary>
public sealed class RuleMappingTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static Ticket TicketIn(TicketStatus status) => new()
    {
        Id = 2, Ref = "R-000002", Title = "t", Status = status, OrgId = Seed.Lyon.Id, OrgName = Seed.Lyon.Name, CallerId = 11,
        TeamId = Seed.Moodle.Id, AgentId = 3,
    };

    /// <summary>What each form can receive from the domain: its move judged on the emptiest inputs a card can send.</summary>
    public static TheoryData<string> Forms => new(["draft", .. TicketWriter.Forms.Keys.Select(a => a.ToString())]);

    private static (FormFields Form, IEnumerable<TicketViolation> Violations, TicketField[] NoInput) Received(string form) => form switch
    {
        "draft" => (DraftValidator.Fields, new TicketDraft { OrgId = 0, CallerId = 0, Title = "", Description = "", Urgency = 0 }.Check(null, Seed.Catalog, DraftCompleteness.Complete)
                .Concat(new TicketDraft { OrgId = 3, CallerId = 11, Title = new string('x', 300), Description = "d", ServiceId = 4, SubServiceId = 999 }
                    .Check(Seed.Person(11, "Jean", "Dupont", "", Seed.Lyon), Seed.Catalog, DraftCompleteness.Complete)),
            [TicketField.Organization]),
        nameof(TicketAction.Assign) => (TicketWriter.Forms[TicketAction.Assign], TicketIn(TicketStatus.New).CheckAssign(null, null).Violations
            .Concat(TicketIn(TicketStatus.New).CheckAssign(Seed.Moodle, null).Violations), []),
        nameof(TicketAction.Reassign) => (TicketWriter.Forms[TicketAction.Reassign], (TicketIn(TicketStatus.Assigned) with { TeamId = null }).CheckReassign(null, null).Violations
            .Concat(TicketIn(TicketStatus.Assigned).CheckReassign(Seed.Moodle, 10).Violations), []),
        nameof(TicketAction.Pending) => (TicketWriter.Forms[TicketAction.Pending], TicketIn(TicketStatus.Assigned).CheckSetPending(null).Violations, []),
        nameof(TicketAction.Resolve) => (TicketWriter.Forms[TicketAction.Resolve], TicketIn(TicketStatus.Assigned).CheckResolve(null, Seed.Catalog).Violations
            .Concat(TicketIn(TicketStatus.Assigned).CheckResolve("s", Seed.Catalog, 4, 999).Violations), []),
        // Team and agent are the ticket's (a resolved ticket that lost them): the banner says so, the form has no input for them.
        nameof(TicketAction.Reopen) => (TicketWriter.Forms[TicketAction.Reopen], (TicketIn(TicketStatus.Resolved) with { TeamId = null, AgentId = null }).CheckReopen(null).Violations,
            [TicketField.Team, TicketField.Agent]),
        nameof(TicketAction.Comment) => (TicketWriter.Forms[TicketAction.Comment], TicketIn(TicketStatus.Assigned).CheckComment(null, isPublic: false).Violations
            .Append(new TicketViolation(TicketRuleCode.PrivateLogNotAllowed, TicketField.LogVisibility)), []),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_field_a_form_can_receive_is_shown_under_an_input(string form)
    {
        var (fields, violations, noInput) = Received(form);
        var received = violations.Select(v => v.Field).Where(f => f != TicketField.None).Except(noInput).Distinct().ToList();

        Assert.NotEmpty(received);
        Assert.All(received, f => Assert.NotNull(fields.InputOf(f)));
        Assert.All(noInput, f => Assert.Null(fields.InputOf(f)));
    }

    [Fact]
    public void The_card_announces_the_title_length_itop_keeps() => Assert.Equal(TicketDraft.TitleMaxLength, CardLimits.TitleMaxLength);

    [Fact]
    public void Every_code_the_bot_words_has_its_french_and_english_text()
    {
        Assert.All(RuleTexts.Worded, code =>
        {
            var violation = new TicketViolation(code, TicketField.None, 255, "B");
            var french = RuleTexts.Of(violation, French);
            var english = RuleTexts.Of(violation, English);
            Assert.NotEqual(french, english);
            Assert.NotEqual(violation.Reason(French), french);
        });
    }

    [Fact]
    public void The_texts_under_the_inputs_are_those_the_forms_always_showed()
    {
        var errors = new Dictionary<string, string>();
        DraftValidator.Fields.AddErrors(errors, [
            new(TicketRuleCode.TitleTooLong, TicketField.Title, 255), new(TicketRuleCode.UrgencyInvalid, TicketField.Urgency),
            new(TicketRuleCode.ServiceNotCovered, TicketField.Service, "Droits Moodle", "INSA Lyon"), new(TicketRuleCode.CallerOtherOrganization, TicketField.Caller, "INSA Lyon"),
            new(TicketRuleCode.SubServiceObsolete, TicketField.SubService, "x"),
        ], French);
        Assert.Equal("255 caractères au maximum.", errors[CardInputIds.Title]);
        Assert.Equal("Ce champ est obligatoire.", errors[CardInputIds.Urgency]);
        Assert.Equal("Choisissez un service de la brique, couvert par le contrat de l'école.", errors[CardInputIds.Service]);
        Assert.Equal("Choisissez la personne de l'école pour qui le ticket est ouvert.", errors[CardInputIds.OnBehalfOf]);
        Assert.Equal("Ce sous-service n'appartient pas au service choisi.", errors[CardInputIds.SubService]);

        var reassign = new Dictionary<string, string>();
        TicketWriter.Forms[TicketAction.Reassign].AddErrors(reassign, [new(TicketRuleCode.TeamRequired, TicketField.Team)], English);
        Assert.Equal("Choose an agent of the team.", reassign[CardInputIds.ReassignAgent]);

        var comment = new Dictionary<string, string>();
        Assert.True(TicketWriter.Forms[TicketAction.Comment].AddErrors(comment, [new(TicketRuleCode.TicketClosed, TicketField.None), new(TicketRuleCode.PrivateLogNotAllowed, TicketField.LogVisibility)], French));
        Assert.Equal(
            new Dictionary<string, string> { [CardInputIds.CommentPublic] = "Seuls les intervenants et le guichet groupe peuvent écrire dans le journal privé." },
            comment);
    }
}
