using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>The buttons of the ticket card and the small forms they open.</summary>
public static partial class TicketCard
{
    private static CardAction Button(TicketAction action, TicketCardModel model, CultureInfo c)
    {
        var title = CardText.Get("Action_" + action, c);
        return Form(action, model, c) is { } form
            ? new ActionShowCard { Title = title, Card = SubCard(form) }
            : Execute(title, Data(Verb(action), model), style: action is TicketAction.Close or TicketAction.Resume or TicketAction.TakeIt ? ActionStyle.Positive : null);
    }

    private static string Verb(TicketAction action) => action switch
    {
        TicketAction.Assign => CardVerbs.Assign,
        TicketAction.Pending => CardVerbs.Pending,
        TicketAction.Reassign => CardVerbs.Reassign,
        TicketAction.Resolve => CardVerbs.Resolve,
        TicketAction.Reopen => CardVerbs.Reopen,
        TicketAction.Close => CardVerbs.Close,
        TicketAction.Comment => CardVerbs.Comment,
        TicketAction.HandToApprover => CardVerbs.HandToApprover,
        TicketAction.Refresh => CardVerbs.Refresh,
        TicketAction.Resume => CardVerbs.Resume,
        TicketAction.TakeIt => CardVerbs.TakeIt,
        TicketAction.DecideApproval => CardVerbs.DecideApproval,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The inputs and submit button of an action's sub-form, or null for a one-click action.</summary>
    private static List<CardElement>? Form(TicketAction action, TicketCardModel model, CultureInfo c)
    {
        var f = model.Choices;
        var e = model.Errors;
        List<CardElement> items;
        switch (action)
        {
            case TicketAction.Assign:
                items =
                [
                    .. ChoiceWithError(Pick(CardInputIds.AssignTeam, "Assign_Team", f.Teams, f.SelectedTeam, true, c), "Form_NoChoice", e, c),
                    Actions(Execute(CardText.Get("Assign_PickTeam", c), Data(CardVerbs.AssignPickTeam, model), AssociatedInputs.Auto)),
                    .. ChoiceWithError(Pick(CardInputIds.AssignAgent, "Assign_Agent", f.TeamAgents, f.SelectedAgent, false, c) with { ChoicesData = Dependent(CardDatasets.TeamAgents, f.DependentChoices) }, "Assign_AgentFirstTeam", e, c),
                    .. WithError(
                        new InputChoiceSet
                        {
                            Id = CardInputIds.AssignTicketType,
                            Label = CardText.Get("Assign_TicketType", c),
                            Style = ChoiceInputStyle.Compact,
                            Choices = TicketTypes(c),
                            Value = f.TicketType ?? "service_request",
                        },
                        e),
                ];
                break;
            case TicketAction.Pending:
                items = [.. WithError(Note(CardInputIds.PendingReason, "Pending_Reason", true, c), e)];
                break;
            case TicketAction.Reassign:
                items =
                [
                    .. ChoiceWithError(Pick(CardInputIds.ReassignAgent, "Reassign_Agent", f.ReassignAgents, null, true, c), "Form_NoChoice", e, c),
                    .. WithError(Note(CardInputIds.ReassignNote, "Reassign_Note", false, c), e),
                ];
                break;
            case TicketAction.Resolve:
                items =
                [
                    .. ChoiceWithError(Pick(CardInputIds.ResolveService, "Resolve_Service", f.Services, f.SelectedService, true, c), "Form_NoChoice", e, c),
                    .. ChoiceWithError(Pick(CardInputIds.ResolveSubService, "Resolve_SubService", f.SubServices, f.SelectedSubService, false, c), "Form_NoChoice", e, c),
                    .. WithError(Note(CardInputIds.ResolveSolution, "Resolve_Solution", true, c), e),
                ];
                break;
            case TicketAction.Reopen:
                items = [.. WithError(Note(CardInputIds.ReopenReason, "Reopen_Reason", true, c), e)];
                break;
            case TicketAction.Comment:
                items =
                [
                    .. WithError(Note(CardInputIds.CommentText, "Comment_Text", true, c), e),
                    .. WithError(
                        new InputToggle(CardText.Get("Comment_PublicToggle", c))
                        {
                            Id = CardInputIds.CommentPublic,
                            Value = "true",
                            ValueOn = "true",
                            ValueOff = "false",
                            Wrap = true,
                        },
                        e),
                ];
                break;
            default:
                return null;
        }

        items.Add(Actions(Execute(
            CardText.Get("Submit_" + action, c),
            Data(Verb(action), model),
            AssociatedInputs.Auto,
            ActionStyle.Positive)));
        return items;
    }

    private static InputChoiceSet Pick(string id, string labelKey, IReadOnlyList<ChoiceOption> options, string? value, bool required, CultureInfo c) => new()
    {
        Id = id,
        Label = CardText.Get(labelKey, c),
        Style = ChoiceInputStyle.Compact,
        Placeholder = CardText.Get("Form_Choose", c),
        Choices = Choices(options),
        Value = Selected(options, value),
        IsRequired = required ? true : null,
        ErrorMessage = required ? CardText.Get("Form_RequiredError", c) : null,
    };

    private static InputText Note(string id, string labelKey, bool required, CultureInfo c) => new()
    {
        Id = id,
        Label = CardText.Get(labelKey, c),
        IsMultiline = true,
        MaxLength = CardLimits.TextMaxLength,
        IsRequired = required ? true : null,
        ErrorMessage = required ? CardText.Get("Form_RequiredError", c) : null,
    };
}
