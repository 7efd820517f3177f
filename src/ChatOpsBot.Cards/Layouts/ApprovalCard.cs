using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

/// <summary>An approval request: buttons for the approver, status for the others, the decision once taken.</summary>
public static class ApprovalCard
{
    public static AdaptiveCard Build(ApprovalCardModel model, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = CardCulture.Resolve(culture);
        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(model.Notice))
        {
            body.Add(Banner(model.Notice, ContainerStyle.Warning));
        }

        body.Add(Heading(CardText.Format("Approval_Title", c, model.Ref)));
        body.Add(Plain(model.Request, TextWeight.Bolder));
        body.Add(Facts(model, c));
        if (!string.IsNullOrWhiteSpace(model.SchoolReference))
        {
            body.Add(SchoolReference(model.SchoolReference, c));
        }

        body.Add(SubHeading(CardText.Get("Approval_Reason", c)));
        body.Add(Plain(CardFormat.Truncate(model.Reason, CardLimits.TextMaxLength)) with { Spacing = Spacing.None });
        if (!string.IsNullOrWhiteSpace(model.UserWords))
        {
            body.Add(SubHeading(CardText.Get("Ticket_UserWords", c)));
            body.Add(Plain(CardFormat.Truncate(model.UserWords, CardLimits.StoryTextShownLength)) with { Spacing = Spacing.None });
        }

        if (model.HandOffNote is { } note)
        {
            body.Add(SubHeading(CardText.Format("Approval_HandOffNote", c, note.Author, note.Date)));
            body.Add(Plain(CardFormat.Truncate(note.Text, CardLimits.StoryTextShownLength)) with { Spacing = Spacing.None });
        }
        body.AddRange(model.View switch
        {
            ApprovalCardView.Approver => ApproverPart(model, c),
            ApprovalCardView.Observer => [Banner(CardText.Get("Approval_Waiting", c), ContainerStyle.Emphasis)],
            _ => DecisionPart(model, c),
        });

        return Card(body, Refresh(Data(CardVerbs.Refresh, model), model.RefreshUserIds));
    }

    private static CardActionData Data(string verb, ApprovalCardModel model) =>
        new(verb) { TicketId = model.TicketId, Stamp = model.Stamp, Scope = CardActionData.ApprovalScope };

    private static FactSet Facts(ApprovalCardModel model, CultureInfo c)
    {
        var facts = new List<Fact>
        {
            new(CardText.Get("Approval_RequestedBy", c), model.RequestedBy),
            new(CardText.Get("Approval_School", c), model.School),
        };
        if (!string.IsNullOrWhiteSpace(model.ServicePath))
        {
            facts.Add(new(CardText.Get("Approval_Service", c), model.ServicePath));
        }

        if (!string.IsNullOrWhiteSpace(model.RequestedAt))
        {
            facts.Add(new(CardText.Get("Approval_RequestedAt", c), model.RequestedAt));
        }

        if (!string.IsNullOrWhiteSpace(model.Approver))
        {
            facts.Add(new(CardText.Get("Approval_Approver", c), model.Approver));
        }

        return new FactSet { Facts = facts };
    }

    private static List<CardElement> ApproverPart(ApprovalCardModel model, CultureInfo c)
    {
        var actions = new List<CardAction>
        {
            new ActionShowCard
            {
                Title = CardText.Get("Action_Approve", c),
                Card = SubCard(
                [
                    .. WithError(Comment(CardInputIds.ApproveComment, "Approval_ApproveComment", false, c), model.Errors),
                    Actions(Execute(CardText.Get("Submit_Approve", c), Data(CardVerbs.Approve, model), AssociatedInputs.Auto, ActionStyle.Positive)),
                ]),
            },
            new ActionShowCard
            {
                Title = CardText.Get("Action_Reject", c),
                Card = SubCard(
                [
                    .. WithError(Comment(CardInputIds.RejectComment, "Approval_RejectComment", true, c), model.Errors),
                    Actions(Execute(CardText.Get("Submit_Reject", c), Data(CardVerbs.Reject, model), AssociatedInputs.Auto, ActionStyle.Destructive)),
                ]),
            },
        };
        if (model.HandOffChoices.Count > 0)
        {
            actions.Add(new ActionShowCard
            {
                Title = CardText.Get("Action_HandOffApproval", c),
                Card = SubCard(
                [
                    .. WithError(HandOffTarget(model, c), model.Errors),
                    .. WithError(Comment(CardInputIds.HandOffComment, "Approval_HandOffComment", false, c), model.Errors),
                    Actions(Execute(CardText.Get("Submit_HandOffApproval", c), Data(CardVerbs.HandOffApproval, model), AssociatedInputs.Auto)),
                ]),
            });
        }

        return [Actions([.. actions])];
    }

    private static InputChoiceSet HandOffTarget(ApprovalCardModel model, CultureInfo c) => new()
    {
        Id = CardInputIds.HandOffApprover,
        Label = CardText.Get("Approval_HandOffTo", c),
        Style = ChoiceInputStyle.Compact,
        Placeholder = CardText.Get("Form_Choose", c),
        Choices = Choices(model.HandOffChoices),
        IsRequired = true,
        ErrorMessage = CardText.Get("Form_RequiredError", c),
    };

    private static List<CardElement> DecisionPart(ApprovalCardModel model, CultureInfo c)
    {
        var approved = model.Decision == ApprovalDecision.Approved;
        var key = (approved ? "Approval_ApprovedBy" : "Approval_RejectedBy") + (model.DecidedAt is null ? "NoDate" : string.Empty);
        var decided = CardText.Format(key, c, model.DecidedBy ?? CardText.Get("Ticket_None", c), model.DecidedAt);
        var items = new List<CardElement> { new TextBlock(decided) { Weight = TextWeight.Bolder, Wrap = true } };
        if (!string.IsNullOrWhiteSpace(model.DecisionComment))
        {
            items.Add(Plain(CardFormat.Truncate(model.DecisionComment, CardLimits.TextMaxLength)));
        }

        return [new Container { Style = approved ? ContainerStyle.Good : ContainerStyle.Attention, Items = items }];
    }

    private static InputText Comment(string id, string labelKey, bool required, CultureInfo c) => new()
    {
        Id = id,
        Label = CardText.Get(labelKey, c),
        IsMultiline = true,
        MaxLength = CardLimits.TextMaxLength,
        IsRequired = required ? true : null,
        ErrorMessage = required ? CardText.Get("Approval_RejectCommentRequired", c) : null,
    };
}
