using System.Text.Json.Nodes;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Tests.Infrastructure.Samples;

namespace ChatOpsBot.Cards.Tests.Layouts;

public class LayoutTests
{
    private static List<string> TopButtons(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(e => e["actions"]!.AsArray())
            .Select(a => (string)a!["title"]!)
            .ToList();

    private static JsonObject Input(JsonObject card, string id) =>
        CardJson.Objects(card).Single(o => (string?)o["id"] == id);

    [Theory]
    [MemberData(nameof(GoldenCases.All), MemberType = typeof(GoldenCases))]
    public void Input_ids_are_unique_in_a_card(string name)
    {
        var ids = CardJson.Objects(CardJson.Parse(GoldenCases.Build(name)))
            .Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(o => (string)o["id"]!)
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(GoldenCases.All), MemberType = typeof(GoldenCases))]
    public void No_choice_set_is_empty(string name)
    {
        // The Adaptive Cards renderer reports a choice set without choices as an error.
        Assert.All(CardJson.OfType(GoldenCases.Build(name), "Input.ChoiceSet"), c => Assert.NotEmpty(c["choices"]!.AsArray()));
    }

    [Fact]
    public void Empty_choice_list_is_replaced_by_its_label_a_hint_and_its_error()
    {
        var model = EmptyForm() with { Errors = new Dictionary<string, string> { [CardInputIds.Service] = "Service ?" } };
        var texts = CardJson.Texts(NewTicketForm.Build(model, CardCulture.English)).ToList();
        var label = texts.IndexOf("Service *");
        Assert.True(label >= 0);
        Assert.Equal(CardText.Get("Form_ServiceFirstBrique", CardCulture.English), texts[label + 1]);
        Assert.Equal("Service ?", texts[label + 2]);
    }

    [Fact]
    public void Rejected_ticket_offers_only_reopen_whatever_is_allowed()
    {
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Rejected, Enum.GetValues<TicketAction>()), CardCulture.French));
        Assert.Equal(["Rouvrir", "Actualiser"], TopButtons(card));
    }

    [Theory]
    [InlineData(CardTicketStatus.Closed)]
    public void Final_ticket_has_no_button_whatever_is_allowed(CardTicketStatus status)
    {
        var card = TicketCard.Build(Ticket(status, Enum.GetValues<TicketAction>()));
        var json = CardJson.Parse(card);
        Assert.Empty(CardJson.OfType(card, "ActionSet"));
        Assert.Empty(CardJson.OfType(card, "Action.ShowCard"));
        Assert.Single(CardJson.OfType(card, "Action.Execute")); // the refresh only
        Assert.NotNull(json["refresh"]);
    }

    [Fact]
    public void Buttons_follow_the_allowed_actions_in_order()
    {
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Resolved, TicketAction.Reopen, TicketAction.Close, TicketAction.Comment, TicketAction.Refresh), CardCulture.French));
        Assert.Equal(["Rouvrir", "Clôturer", "Commenter", "Actualiser"], TopButtons(card));
    }

    [Fact]
    public void Itop_link_is_shown_even_on_a_closed_ticket()
    {
        var url = new Uri("https://itop.example.org/pages/UI.php?operation=details&class=UserRequest&id=123");
        var card = TicketCard.Build(Ticket(CardTicketStatus.Closed, TicketAction.Reopen) with { ItopUrl = url });
        var link = Assert.Single(CardJson.OfType(card, "Action.OpenUrl"));
        Assert.Equal(url.ToString(), (string?)link["url"]);
        Assert.Empty(CardJson.OfType(card, "Action.ShowCard"));
    }

    [Fact]
    public void No_allowed_action_means_no_action_set()
    {
        var card = TicketCard.Build(Ticket(CardTicketStatus.Assigned));
        Assert.Empty(CardJson.OfType(card, "ActionSet"));
    }

    [Fact]
    public void Resolve_form_prefills_and_requires_the_service_and_requires_the_solution()
    {
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Assigned, TicketAction.Resolve)));
        var service = Input(card, CardInputIds.ResolveService);
        Assert.Equal("41", (string?)service["value"]);
        Assert.True((bool?)service["isRequired"]);
        Assert.Null(Input(card, CardInputIds.ResolveSubService)["isRequired"]);
        Assert.True((bool?)Input(card, CardInputIds.ResolveSolution)["isRequired"]);
        var showCard = CardJson.Objects(card).Single(o => (string?)o["type"] == "Action.ShowCard");
        var submit = CardJson.Objects(showCard["card"]).Single(o => (string?)o["type"] == "Action.Execute");
        Assert.Equal(CardVerbs.Resolve, (string?)submit["verb"]);
        Assert.Equal("auto", (string?)submit["associatedInputs"]);
    }

    [Fact]
    public void Welcome_and_help_list_the_commands_of_the_readers_language()
    {
        static string Json(AdaptiveCard card) => CardJson.Parse(card).ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var card in new[] { WelcomeCard.Build(new WelcomeCardModel("Jean"), CardCulture.English), HelpCard.Build(new HelpCardModel(), CardCulture.English) })
        {
            var text = Json(card);
            Assert.Contains("/tickets team", text, StringComparison.Ordinal);
            Assert.DoesNotContain("équipe", text, StringComparison.Ordinal);
            Assert.DoesNotContain("résumé", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"aide\"", text, StringComparison.Ordinal);
        }

        var french = Json(WelcomeCard.Build(new WelcomeCardModel("Jean"), CardCulture.French));
        Assert.Contains("/tickets équipe", french, StringComparison.Ordinal);
        Assert.Contains("/ticket abonner école", french, StringComparison.Ordinal);
        var english = Json(WelcomeCard.Build(new WelcomeCardModel("Jean"), CardCulture.English));
        Assert.Contains("/ticket subscribe school", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_opens_a_form_that_requires_the_reason()
    {
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Resolved, TicketAction.Reopen, TicketAction.Close), CardCulture.English));
        var reason = Input(card, CardInputIds.ReopenReason);
        Assert.True((bool?)reason["isRequired"]);
        Assert.Equal("Why reopen it", (string?)reason["label"]);
        var showCard = CardJson.Objects(card).Single(o => (string?)o["type"] == "Action.ShowCard");
        Assert.Equal("Reopen", (string?)showCard["title"]);
        var submit = CardJson.Objects(showCard["card"]).Single(o => (string?)o["type"] == "Action.Execute");
        Assert.Equal(CardVerbs.Reopen, (string?)submit["verb"]);
        Assert.Equal("auto", (string?)submit["associatedInputs"]);
    }

    [Fact]
    public void Comment_form_has_a_public_toggle_on_by_default()
    {
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Assigned, TicketAction.Comment)));
        var toggle = Input(card, CardInputIds.CommentPublic);
        Assert.Equal("Input.Toggle", (string?)toggle["type"]);
        Assert.Equal("true", (string?)toggle["value"]);
        Assert.True((bool?)Input(card, CardInputIds.CommentText)["isRequired"]);
    }

    [Fact]
    public void Open_assign_form_is_inline_with_the_team_agents_and_its_error_and_not_a_button()
    {
        var card = CardJson.Parse(TicketCard.Build(AssignOpen(), CardCulture.French));
        Assert.Equal(["Commenter", "Actualiser"], TopButtons(card));
        var container = card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["style"] == "emphasis");
        var agent = Input(container, CardInputIds.AssignAgent);
        Assert.Equal(["401", "402"], agent["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Equal("5", (string?)Input(container, CardInputIds.AssignTeam)["value"]);
        var items = container["items"]!.AsArray();
        var after = items[items.IndexOf(agent) + 1]!;
        Assert.Equal("attention", (string?)after["color"]);
        Assert.Equal("Choisissez un agent de l'équipe.", (string?)after["text"]);
    }

    [Fact]
    public void Stale_notice_is_a_banner_on_top()
    {
        var notice = CardText.Notice(CardNotice.OutOfDate, CardCulture.English);
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Pending) with { Notice = notice }, CardCulture.English));
        var first = card["body"]![0]!;
        Assert.Equal("warning", (string?)first["style"]);
        Assert.Equal(notice, (string?)first["items"]![0]!["text"]);
    }

    /// <summary>Issue 14: a resolution is good news, in the resolved status's colour; any other notice stays a caution.</summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Good_news_notice_is_a_good_banner(string language)
    {
        var culture = language == "en" ? CardCulture.English : CardCulture.French;
        var card = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.Resolved, TicketAction.Close, TicketAction.Reopen) with { Notice = "Résolu", NoticeTone = NoticeTone.Good }, culture));
        Assert.Equal("good", (string?)card["body"]![0]!["style"]);
        var story = CardJson.Objects(card).First(o => (string?)o["type"] == "TextRun" && o["color"] is not null);
        Assert.Equal("good", (string?)story["color"]);
    }

    /// <summary>Issue 14: the approval card shows the school's reference as the ticket card does (a text run, not a fact).</summary>
    [Theory]
    [InlineData("fr", "Réf. établissement :")]
    [InlineData("en", "School reference:")]
    public void Approval_card_shows_the_school_reference(string language, string label)
    {
        var culture = language == "en" ? CardCulture.English : CardCulture.French;
        foreach (var view in new[] { ApprovalCardView.Approver, ApprovalCardView.Observer, ApprovalCardView.Decided })
        {
            var approval = CardJson.Parse(ApprovalCard.Build(Approval(view, view == ApprovalCardView.Decided ? ApprovalDecision.Approved : null), culture));
            var ticket = CardJson.Parse(TicketCard.Build(Ticket(CardTicketStatus.WaitingForApproval), culture));
            var runs = RunsOf(approval, "LYON-2026-0412");
            Assert.Equal(label + " ", (string?)runs[0]);
            Assert.Equal(RunsOf(ticket, "LYON-2026-0412"), runs);
        }
    }

    private static List<string?> RunsOf(JsonObject card, string text) =>
        CardJson.Objects(card).Where(o => (string?)o["type"] == "RichTextBlock")
            .Select(b => b["inlines"]!.AsArray().Select(r => (string?)r!["text"]).ToList())
            .Single(r => r.Contains(text));

    [Fact]
    public void Only_three_newest_log_entries_are_shown()
    {
        var texts = CardJson.Texts(TicketCard.Build(Ticket(CardTicketStatus.Assigned))).ToList();
        Assert.Contains(texts, t => t.StartsWith("Droit ajouté", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Entrée plus ancienne", StringComparison.Ordinal));
    }

    [Fact]
    public void Form_errors_are_shown_in_red_right_under_their_input()
    {
        var model = FormWithErrors();
        var body = CardJson.Parse(NewTicketForm.Build(model))["body"]!.AsArray();
        foreach (var (id, message) in model.Errors)
        {
            var index = body.Select((e, i) => (e, i)).Single(x => (string?)x.e!["id"] == id).i;
            Assert.Equal("attention", (string?)body[index + 1]!["color"]);
            Assert.Equal(message, (string?)body[index + 1]!["text"]);
        }

        Assert.Equal(model.Errors.Count, body.Count(e => (string?)e!["color"] == "attention"));
    }

    [Fact]
    public void Form_without_errors_has_no_red_text()
    {
        Assert.DoesNotContain(CardJson.OfType(NewTicketForm.Build(FilledForm()), "TextBlock"), t => (string?)t["color"] == "attention");
    }

    [Fact]
    public void Form_cascade_button_sends_the_typed_values_and_the_draft()
    {
        var form = NewTicketForm.Build(FilledForm());
        var refresh = CardJson.OfType(form, "Action.Execute").Single(a => (string?)a["verb"] == CardVerbs.RefreshForm);
        Assert.Equal("auto", (string?)refresh["associatedInputs"]);
        Assert.Equal("draft-0001", (string?)refresh["data"]!["draftId"]);
        var cancel = CardJson.OfType(form, "Action.Execute").Single(a => (string?)a["verb"] == CardVerbs.CancelForm);
        Assert.Equal("none", (string?)cancel["associatedInputs"]);
    }

    [Fact]
    public void Form_keeps_typed_values_and_drops_a_selection_missing_from_the_choices()
    {
        var card = CardJson.Parse(NewTicketForm.Build(FilledForm() with { SubService = "999", NeedsApproval = true }));
        Assert.Equal("12", (string?)Input(card, CardInputIds.Brique)["value"]);
        Assert.Null(Input(card, CardInputIds.SubService)["value"]);
        Assert.Equal("LYON-2026-0412", (string?)Input(card, CardInputIds.SchoolReference)["value"]);
        Assert.Equal("true", (string?)Input(card, CardInputIds.NeedsApproval)["value"]);
        Assert.Equal("filtered", (string?)Input(card, CardInputIds.OnBehalfOf)["style"]);
        Assert.Equal("3", (string?)Input(card, CardInputIds.Urgency)["value"]);
        Assert.Equal(["1", "2", "3", "4"], Input(card, CardInputIds.Urgency)["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.True((bool?)Input(card, CardInputIds.UserWords)["isMultiline"]);
    }

    [Fact]
    public void Approver_sees_approve_reject_with_a_required_reject_comment_and_hand_over()
    {
        var card = CardJson.Parse(ApprovalCard.Build(Approval(ApprovalCardView.Approver)));
        Assert.Null(Input(card, CardInputIds.ApproveComment)["isRequired"]);
        Assert.True((bool?)Input(card, CardInputIds.RejectComment)["isRequired"]);
        Assert.True((bool?)Input(card, CardInputIds.HandOffApprover)["isRequired"]);
        Assert.Equal(["12", "14"], Input(card, CardInputIds.HandOffApprover)["choices"]!.AsArray().Select(c => (string)c!["value"]!));
        Assert.Null(Input(card, CardInputIds.HandOffComment)["isRequired"]);
        Assert.Equal([CardVerbs.Approve, CardVerbs.Reject, CardVerbs.HandOffApproval], Verbs(card));
        Assert.Equal(CardActionData.ApprovalScope, (string?)card["refresh"]!["action"]!["data"]!["scope"]);
    }

    [Fact]
    public void Without_another_approver_in_the_school_there_is_no_hand_over()
    {
        var card = CardJson.Parse(ApprovalCard.Build(Approval(ApprovalCardView.Approver) with { HandOffChoices = [] }));
        Assert.Equal([CardVerbs.Approve, CardVerbs.Reject], Verbs(card));
        Assert.DoesNotContain(CardJson.Objects(card), o => (string?)o["id"] == CardInputIds.HandOffApprover);
    }

    private static IEnumerable<string> Verbs(JsonObject card) =>
        CardJson.Objects(card).Where(o => (string?)o["type"] == "Action.Execute" && o["title"] is not null).Select(o => (string)o["verb"]!);

    [Theory]
    [InlineData(ApprovalCardView.Observer, null)]
    [InlineData(ApprovalCardView.Decided, ApprovalDecision.Approved)]
    [InlineData(ApprovalCardView.Decided, ApprovalDecision.Rejected)]
    public void Non_approver_views_have_no_buttons(ApprovalCardView view, ApprovalDecision? decision)
    {
        var card = ApprovalCard.Build(Approval(view, decision));
        Assert.Empty(CardJson.OfType(card, "ActionSet"));
        Assert.Empty(CardJson.OfType(card, "Input.Text"));
    }

    [Fact]
    public void Decided_view_says_who_decided_and_when()
    {
        var texts = CardJson.Texts(ApprovalCard.Build(Approval(ApprovalCardView.Decided, ApprovalDecision.Rejected), CardCulture.English));
        Assert.Contains("Rejected by Marie Approbatrice on 28/11/2026 14:30", texts);
        Assert.Contains("Budget non validé pour cette année.", texts);
    }

    [Fact]
    public void Decided_view_without_a_date_does_not_leave_a_dangling_word()
    {
        var texts = CardJson.Texts(ApprovalCard.Build(Approval(ApprovalCardView.Decided, ApprovalDecision.Approved) with { DecidedAt = null }, CardCulture.French));
        Assert.Contains("Approuvé par Marie Approbatrice", texts);
    }

    [Fact]
    public void List_has_an_open_button_per_row_and_both_paging_buttons_in_the_middle()
    {
        var card = TicketListCard.Build(List());
        var shows = CardJson.OfType(card, "Action.Execute").Where(a => (string?)a["verb"] == CardVerbs.ShowTicket).ToList();
        Assert.Equal(["123", "124", "125"], shows.Select(a => (string)a["data"]!["ticketId"]!));
        var pages = CardJson.OfType(card, "Action.Execute").Where(a => (string?)a["verb"] == CardVerbs.ListPage).ToList();
        Assert.Equal([1, 3], pages.Select(a => (int)a["data"]!["page"]!));
        Assert.All(pages, a => Assert.Equal(CardActionData.MineScope, (string?)a["data"]!["scope"]));
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(1, 3, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(9, 3, 1)]
    public void List_paging_buttons_depend_on_the_page(int page, int pageCount, int expected)
    {
        var card = TicketListCard.Build(List() with { Page = page, PageCount = pageCount });
        Assert.Equal(expected, CardJson.OfType(card, "Action.Execute").Count(a => (string?)a["verb"] == CardVerbs.ListPage));
    }

    [Fact]
    public void Retry_button_only_when_a_draft_is_given()
    {
        var with = ErrorCard.Build(new NoticeCardModel("iTop ne répond pas") { RetryDraftId = "d-1" });
        var retry = Assert.Single(CardJson.OfType(with, "Action.Execute"));
        Assert.Equal(CardVerbs.RetryCreate, (string?)retry["verb"]);
        Assert.Equal("d-1", (string?)retry["data"]!["draftId"]);
        Assert.Empty(CardJson.OfType(NoticeCard.Build(new NoticeCardModel("ok")), "Action.Execute"));
    }

    [Fact]
    public void User_text_is_never_interpreted_as_markdown()
    {
        var help = CardJson.Parse(HelpCard.Build(new HelpCardModel("**gras**")));
        var run = CardJson.Objects(help).Single(o => (string?)o["type"] == "TextRun");
        Assert.Contains("**gras**", (string?)run["text"], StringComparison.Ordinal);
        var ticket = TicketCard.Build(Ticket(CardTicketStatus.New) with { Title = "*titre*" });
        Assert.Contains(CardJson.OfType(ticket, "TextRun"), r => (string?)r["text"] == "*titre*");
    }
}
