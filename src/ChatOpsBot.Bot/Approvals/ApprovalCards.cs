using System.Globalization;
using ChatOpsBot.Bot.Rendering;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Approvals;

/// <summary>The approval card of a ticket for one viewer (approver, observer) or for the shared message.</summary>
public static class ApprovalCards
{
    /// <summary>The view of the ticket: decided once the record holds a decision, buttons only for a pending approver.</summary>
    public static AdaptiveCard Build(Ticket ticket, ApprovalRecord record, string? brique, bool approver, CultureInfo culture, string? notice = null, IReadOnlyDictionary<string, string>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(record);
        var decided = record.Decision is not null;
        var view = decided ? ApprovalCardView.Decided : approver && ticket.Status == TicketStatus.WaitingForApproval ? ApprovalCardView.Approver : ApprovalCardView.Observer;
        var path = string.Join(" › ", new[] { brique, ticket.ServiceName, ticket.SubServiceName }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var model = new ApprovalCardModel
        {
            TicketId = ticket.Id.ToString(CultureInfo.InvariantCulture),
            Stamp = TicketStamp.Of(ticket),
            Ref = ticket.Ref,
            Request = ticket.Title,
            RequestedBy = record.RequestedBy,
            School = ticket.OrgName,
            SchoolReference = ticket.SchoolReference,
            Reason = ticket.Description is { Length: > 0 } reason ? reason : ticket.Title,
            UserWords = ticket.UserWords,
            HandOffNote = HandOffNote(ticket, record, culture),
            ServicePath = path.Length == 0 ? null : path,
            RequestedAt = CardFormat.Date(record.RequestedAt, culture),
            Approver = record.ByGroupDesk && string.IsNullOrWhiteSpace(ticket.ApproverName)
                ? CardText.Format(record.TakenOverByDesk ? "Approval_ByGroupDesk_NoneNamed" : "Approval_ByGroupDesk", culture, ticket.OrgName)
                : string.IsNullOrWhiteSpace(ticket.ApproverName) ? null : ticket.ApproverName,
            HandOffChoices = view == ApprovalCardView.Approver && !record.ByGroupDesk
                ? [.. record.Approvers.Where(a => a.PersonId != ticket.ApproverId).Select(a => new ChoiceOption(a.PersonId.ToString(CultureInfo.InvariantCulture), a.Name))]
                : [],
            View = view,
            Decision = record.Decision,
            DecidedBy = record.DecidedBy,
            DecidedAt = record.DecidedAt is { } at ? CardFormat.Date(at, culture) : null,
            DecisionComment = record.Comment,
            RefreshUserIds = [.. record.Approvers.Select(a => a.TeamsUserId).OfType<string>().Distinct(StringComparer.Ordinal).Take(60)],
            Notice = notice,
            Errors = errors ?? new Dictionary<string, string>(),
        };
        return ApprovalCard.Build(model, culture);
    }

    /// <summary>
    /// After a hand-over, the approver it came to reads why: the hand-over writes its note (or its line) to the private log,
    /// the last entry there while the ticket waits for approval.
    /// </summary>
    private static LogEntryView? HandOffNote(Ticket ticket, ApprovalRecord record, CultureInfo culture) =>
        record.HandOffs > 0 && ticket.Status == TicketStatus.WaitingForApproval && ticket.PrivateLog.Count > 0
            && ticket.PrivateLog.OrderBy(e => e.Date).Last() is { } entry
            ? new LogEntryView(entry.Author, CardFormat.Date(entry.Date, culture), entry.Message)
            : null;
}
