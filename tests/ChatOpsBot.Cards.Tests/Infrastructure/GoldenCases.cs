using System.Globalization;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Tests.Infrastructure.Samples;

namespace ChatOpsBot.Cards.Tests.Infrastructure;

/// <summary>Every layout and variant pinned by a golden file, each in French and English.</summary>
public static class GoldenCases
{
    private static readonly Dictionary<string, Func<CultureInfo, AdaptiveCard>> Layouts = new()
    {
        ["help"] = c => HelpCard.Build(new HelpCardModel(), c),
        ["help-unrecognized"] = c => HelpCard.Build(new HelpCardModel("fais-moi un café **vite**"), c),
        ["welcome"] = c => WelcomeCard.Build(new WelcomeCardModel("Jean Dupont"), c),
        ["notice-preferences"] = c => NoticePreferencesCard.Build(
            new NoticePreferencesModel
            {
                Toggles = [new("AssignedToMe", true), new("BackToMe", true), new("MineAssigned", false), new("MinePending", true), new("MineResolved", true), new("MineReopened", true), new("MineClosed", false)],
                Saved = "Vos notifications sont enregistrées.",
            },
            c),
        ["notice-preferences-refused"] = c => NoticePreferencesCard.Build(
            new NoticePreferencesModel
            {
                Toggles = [new("MineAssigned", true), new("MinePending", true), new("MineResolved", true), new("MineReopened", true), new("MineClosed", true)],
                Refused = c.TwoLetterISOLanguageName == "en"
                    ? "“A ticket comes back to me (reopened)” does not concern you: these notices only go to members of a team that handles tickets. Nothing was saved."
                    : "« Un ticket me revient (rouvert) » ne vous concerne pas : ces notifications ne vont qu'aux membres d'une équipe qui traite les tickets. Rien n'a été enregistré.",
            },
            c),
        ["form-empty"] = c => NewTicketForm.Build(EmptyForm(), c),
        ["form-filled"] = c => NewTicketForm.Build(FilledForm(), c),
        ["form-errors"] = c => NewTicketForm.Build(FormWithErrors(), c),
        ["ticket-new-desk"] = c => TicketCard.Build(Ticket(CardTicketStatus.New, TicketAction.Assign, TicketAction.Comment, TicketAction.HandToApprover, TicketAction.Refresh), c),
        ["ticket-new-assign-open"] = c => TicketCard.Build(AssignOpen(), c),
        ["ticket-assigned-intervenant"] = c => TicketCard.Build(WithPrivateLog(Ticket(CardTicketStatus.Assigned, TicketAction.Pending, TicketAction.Reassign, TicketAction.Resolve, TicketAction.Comment, TicketAction.Refresh)), c),
        ["ticket-assigned-colleague"] = c => TicketCard.Build(Ticket(CardTicketStatus.Assigned, TicketAction.TakeIt, TicketAction.Pending, TicketAction.Reassign, TicketAction.Resolve, TicketAction.Comment, TicketAction.Refresh), c),
        ["ticket-pending-resume"] = c => TicketCard.Build(PendingPrefilled(), c),
        ["ticket-long-description"] = c => TicketCard.Build(LongDescription(), c),
        ["ticket-waiting-approval-desk"] = c => TicketCard.Build(Ticket(CardTicketStatus.WaitingForApproval, TicketAction.DecideApproval, TicketAction.Comment, TicketAction.Refresh), c),
        ["ticket-assigned-support"] = c => TicketCard.Build(Ticket(CardTicketStatus.Assigned, TicketAction.Comment, TicketAction.Refresh), c),
        ["ticket-resolved-support"] = c => TicketCard.Build(Ticket(CardTicketStatus.Resolved, TicketAction.Reopen, TicketAction.Close, TicketAction.Comment, TicketAction.Refresh), c),
        ["ticket-resolved-notice"] = c => TicketCard.Build(Ticket(CardTicketStatus.Resolved, TicketAction.Close, TicketAction.Reopen) with
        {
            Notice = c.TwoLetterISOLanguageName == "en"
                ? "Your ticket R-000123 “Droit de création de cours” is resolved — by Hamid Le Fleurier\n\nIts solution is below: close it if it suits you, otherwise reopen it saying why."
                : "Votre ticket R-000123 « Droit de création de cours » est résolu — par Hamid Le Fleurier\n\nSa solution est ci-dessous : clôturez-le si elle vous convient, sinon rouvrez-le en disant pourquoi.",
            NoticeTone = NoticeTone.Good,
        }, c),
        ["ticket-closed-with-link"] = c => TicketCard.Build(Ticket(CardTicketStatus.Closed) with { ItopUrl = new Uri("https://itop.example.org/pages/UI.php?operation=details&class=UserRequest&id=123") }, c),
        ["ticket-stale"] = c => TicketCard.Build(Ticket(CardTicketStatus.Pending, TicketAction.Resolve, TicketAction.Comment, TicketAction.Refresh) with { Notice = CardText.Notice(CardNotice.OutOfDate, c) }, c),
        ["ticket-closed"] = c => TicketCard.Build(Ticket(CardTicketStatus.Closed, TicketAction.Reopen, TicketAction.Comment, TicketAction.Refresh), c),
        ["approval-approver"] = c => ApprovalCard.Build(Approval(ApprovalCardView.Approver), c),
        ["approval-observer"] = c => ApprovalCard.Build(Approval(ApprovalCardView.Observer), c),
        ["approval-approved"] = c => ApprovalCard.Build(Approval(ApprovalCardView.Decided, ApprovalDecision.Approved), c),
        ["approval-rejected"] = c => ApprovalCard.Build(Approval(ApprovalCardView.Decided, ApprovalDecision.Rejected), c),
        ["error-retry"] = c => ErrorCard.Build(new NoticeCardModel(CardText.Notice(CardNotice.ItopUnavailable, c)) { RetryDraftId = "draft-0001" }, c),
        ["notice"] = c => NoticeCard.Build(new NoticeCardModel(CardText.Notice(CardNotice.Done, c)), c),
        ["list-mine"] = c => TicketListCard.Build(List(), c),
        ["list-team-empty"] = c => TicketListCard.Build(new TicketListCardModel { Scope = TicketListScope.Team }, c),
        ["digest"] = c => DigestCard.Build(Digest(), c),
        ["digest-truncated"] = c => DigestCard.Build(Digest() with { Truncated = true, OldestUnassigned = [], LongPending = [] }, c),
        ["duplicates"] = c => DuplicateHintCard.Build(Duplicates(), c),
    };

    public static IEnumerable<string> Names =>
        Layouts.Keys.SelectMany(k => new[] { k + ".fr", k + ".en" });

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static AdaptiveCard Build(string name)
    {
        var dot = name.LastIndexOf('.');
        var culture = name[(dot + 1)..] == "en" ? CardCulture.English : CardCulture.French;
        return Layouts[name[..dot]](culture);
    }
}
