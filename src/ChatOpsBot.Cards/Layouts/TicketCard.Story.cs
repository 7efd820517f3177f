using System.Globalization;
using ChatOpsBot.Cards.Localization;
using ChatOpsBot.Cards.Model;
using ChatOpsBot.Cards.ViewModels;
using static ChatOpsBot.Cards.Layouts.CardParts;

namespace ChatOpsBot.Cards.Layouts;

// The ticket's story: where it stands, what was asked (description, user's words), why it waits, how it was solved, and
// the last case-log entries. Every text people typed is a text run (plain text: markdown in it is not interpreted).
public static partial class TicketCard
{
    private const string DescriptionShortId = "descriptionShort";
    private const string DescriptionFullId = "descriptionFull";

    private static RichTextBlock StoryLine(string story, CardTicketStatus status) => new()
    {
        Spacing = Spacing.Small,
        Inlines = [new TextRun(story) { Weight = TextWeight.Bolder, Color = StatusColor(status) }],
    };

    private static IEnumerable<CardElement> Texts(TicketCardModel model, CultureInfo c)
    {
        if (!string.IsNullOrWhiteSpace(model.Description))
        {
            foreach (var element in Description(model.Description, c))
            {
                yield return element;
            }
        }

        if (!string.IsNullOrWhiteSpace(model.UserWords))
        {
            yield return Section("Ticket_UserWords", c);
            yield return Text(model.UserWords, CardLimits.StoryTextShownLength);
        }

        if (model.Status == CardTicketStatus.Pending && !string.IsNullOrWhiteSpace(model.PendingReason))
        {
            yield return Section("Ticket_PendingReason", c);
            yield return Text(model.PendingReason, CardLimits.StoryTextShownLength);
        }

        if (model.Status is CardTicketStatus.Resolved or CardTicketStatus.Closed && !string.IsNullOrWhiteSpace(model.Solution))
        {
            yield return Section("Ticket_Solution", c);
            yield return Text(model.Solution, CardLimits.StoryTextShownLength);
        }
    }

    /// <summary>The first lines; when there is more, the whole text (capped) is one "show more" away, on the client.</summary>
    private static IEnumerable<CardElement> Description(string description, CultureInfo c)
    {
        yield return Section("Ticket_Description", c);
        var text = description.Trim();
        var preview = Preview(text);
        if (preview.Length == text.Length)
        {
            yield return Text(text, CardLimits.DescriptionShownLength);
            yield break;
        }

        yield return Text(preview, CardLimits.DescriptionPreviewLength + 1) with { Id = DescriptionShortId };
        yield return Text(text, CardLimits.DescriptionShownLength) with { Id = DescriptionFullId, IsVisible = false };
        yield return new ActionSet
        {
            Spacing = Spacing.Small,
            Actions =
            [
                new ActionToggleVisibility
                {
                    Title = CardText.Get("Ticket_ShowMore", c),
                    TargetElements = [new TargetElement(DescriptionShortId), new TargetElement(DescriptionFullId)],
                },
            ],
        };
    }

    /// <summary>The first <see cref="CardLimits.DescriptionPreviewLines"/> lines, at most <see cref="CardLimits.DescriptionPreviewLength"/> characters, "…" when cut.</summary>
    private static string Preview(string text)
    {
        var lines = text.Split('\n');
        var head = string.Join('\n', lines.Take(CardLimits.DescriptionPreviewLines)).TrimEnd();
        var cut = head.Length > CardLimits.DescriptionPreviewLength ? CardFormat.Truncate(head, CardLimits.DescriptionPreviewLength) : head;
        return cut.Length == text.Length ? text : cut.EndsWith('…') ? cut : cut + " …";
    }

    private static IEnumerable<CardElement> Log(string headingKey, IReadOnlyList<LogEntryView> entries, CultureInfo c)
    {
        if (entries.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(CardText.Get(headingKey, c)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium, Wrap = true };
        foreach (var entry in entries.Take(CardLimits.LogEntriesShown))
        {
            yield return new Container
            {
                Spacing = Spacing.Small,
                Items =
                [
                    new RichTextBlock
                    {
                        Inlines =
                        [
                            new TextRun(entry.Author) { Weight = TextWeight.Bolder },
                            new TextRun(" · " + entry.Date) { IsSubtle = true },
                        ],
                    },
                    Text(entry.Text, CardLimits.LogEntryShownLength) with { Spacing = Spacing.None },
                ],
            };
        }
    }

    private static TextBlock Section(string key, CultureInfo c) =>
        new(CardText.Get(key, c)) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };

    private static RichTextBlock Text(string text, int maxLength) => Plain(CardFormat.Truncate(text.Trim(), maxLength));
}
