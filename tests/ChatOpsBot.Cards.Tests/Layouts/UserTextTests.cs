using System.Globalization;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.Tests.Infrastructure;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests.Layouts;

/// <summary>Issue 12, part 2: what people typed is put in text runs (never read as markdown), never in a fact or text block.</summary>
public class UserTextTests
{
    private const string Link = "[cliquez ici](https://evil.example/phish)";

    [Fact]
    public void The_school_reference_is_a_text_run_not_a_fact()
    {
        var model = Samples.Ticket(CardTicketStatus.Assigned, TicketAction.Refresh) with { SchoolReference = Link };

        var card = CardJson.Parse(TicketCard.Build(model, CultureInfo.GetCultureInfo("fr-FR")));

        Assert.DoesNotContain(CardJson.Objects(card), o => (string?)o["type"] is "FactSet" or "TextBlock" && o.ToJsonString().Contains("evil.example", StringComparison.Ordinal));
        Assert.Contains(CardJson.Objects(card), o => (string?)o["type"] == "TextRun" && (string?)o["text"] == Link);
    }

    [Fact]
    public void Title_and_log_entries_typed_by_people_are_text_runs_too()
    {
        var model = Samples.Ticket(CardTicketStatus.Assigned, TicketAction.Refresh) with
        {
            Title = Link,
            PublicLog = [new LogEntryView("Jean Dupont", "28/11/2026 09:02", Link)],
        };

        var card = CardJson.Parse(TicketCard.Build(model, CultureInfo.GetCultureInfo("fr-FR")));

        Assert.DoesNotContain(CardJson.Objects(card), o => (string?)o["type"] is "FactSet" or "TextBlock" && o.ToJsonString().Contains("evil.example", StringComparison.Ordinal));
        Assert.Equal(2, CardJson.Objects(card).Count(o => (string?)o["type"] == "TextRun" && (string?)o["text"] == Link));
    }

    /// <summary>Issue 14: the story's texts come from people too (the opener, the user, the agents): text runs, markdown not read.</summary>
    [Theory]
    [InlineData(CardTicketStatus.Pending)]
    [InlineData(CardTicketStatus.Resolved)]
    public void Description_words_hold_reason_solution_and_private_log_are_text_runs(CardTicketStatus status)
    {
        var longer = string.Join("\n", Enumerable.Repeat(Link, 12));
        var model = Samples.Ticket(status, TicketAction.Refresh) with
        {
            Story = "**En attente** de [Hélène](https://evil.example/x)",
            Description = longer,
            UserWords = Link,
            PendingReason = Link,
            Solution = Link,
            PrivateLog = [new LogEntryView("Hamid Le Fleurier", "28/11/2026 10:40", Link)],
        };

        var card = CardJson.Parse(TicketCard.Build(model, CultureInfo.GetCultureInfo("fr-FR")));

        Assert.DoesNotContain(CardJson.Objects(card), o => (string?)o["type"] is "FactSet" or "TextBlock" && o.ToJsonString().Contains("evil.example", StringComparison.Ordinal));
        var runs = CardJson.Objects(card).Where(o => (string?)o["type"] == "TextRun").Select(o => (string?)o["text"]).ToList();
        // The words, the private-log entry, and the hold reason or the solution (each shown in its state only).
        Assert.Equal(3, runs.Count(t => t == Link));
        Assert.Contains(longer, runs);
        Assert.Contains(model.Story, runs);
    }

    [Fact]
    public void The_approval_cards_user_words_and_hand_over_note_are_text_runs()
    {
        var model = Samples.Approval(ApprovalCardView.Approver) with
        {
            UserWords = Link,
            HandOffNote = new LogEntryView("Hélène Dechelette", "28/11/2026 12:30", Link),
        };

        var card = CardJson.Parse(ApprovalCard.Build(model, CultureInfo.GetCultureInfo("fr-FR")));

        Assert.DoesNotContain(CardJson.Objects(card), o => (string?)o["type"] is "FactSet" or "TextBlock" && o.ToJsonString().Contains("evil.example", StringComparison.Ordinal));
        Assert.Equal(2, CardJson.Objects(card).Count(o => (string?)o["type"] == "TextRun" && (string?)o["text"] == Link));
    }
}
