using System.Globalization;
using ChatOpsBot.Cards.Layouts;
using ChatOpsBot.Cards.ViewModels;

namespace ChatOpsBot.Cards.Tests;

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
}
