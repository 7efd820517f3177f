using ChatOpsBot.Bot.Localization;
using ChatOpsBot.Bot.Subscriptions;
using ChatOpsBot.Bot.Tests.Infrastructure;
using ChatOpsBot.Bot.Turns;
using ChatOpsBot.Notifications;
using ChatOpsBot.Tickets;

namespace ChatOpsBot.Bot.Tests.Turns;

/// <summary>Issue 12, part 2: what MarkdownText makes of hostile text, and every notification built with it.</summary>
public sealed class MarkdownTextTests
{
    public static TheoryData<string> Hostile() => new()
    {
        MarkdownAssert.Payload,
        "[cliquez ici](https://evil.example/…)",
        "![](https://evil.example/pixel.png)",
        "<https://evil.example/auto>",
        "<at>Nathalie Matheu</at> valide",
        "<a href=\"https://evil.example\">ici</a>",
        "&#60;script&#62;",
        "# Titre\n- un\n- deux\n> cité\n\n    code indenté",
        "1. premier",
        "+ plus",
        "texte \\[échappé\\](x)",
        "| a | b |\n|---|---|\n| c | d |",
        "~~barré~~ ***gras italique***",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escaped_text_renders_as_itself(string typed) =>
        MarkdownAssert.ShowsAsText(MarkdownText.Escape(typed), typed);

    [Fact]
    public void Ordinary_text_is_left_as_it_is()
    {
        Assert.Equal("R-000123 « Quota Moodle » : le compte est réactivé.", MarkdownText.Escape("R-000123 « Quota Moodle » : le compte est réactivé."));
        Assert.Equal("l'équipe Intervenants Moodle (INSA Lyon)", MarkdownText.Escape("l'équipe Intervenants Moodle (INSA Lyon)"));
    }

    [Fact]
    public void Text_is_one_line_and_cut()
    {
        Assert.Equal("a b c", MarkdownText.Escape("a\r\n\r\nb\u2028\tc\0"));
        var cut = MarkdownText.Escape(new string('x', 10_000), 100);
        Assert.Equal(101, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal(101, MarkdownText.Echo(new string('y', 100_000)).Length);
    }

    public static TheoryData<TicketEventKind, string> Notifications() => new()
    {
        { TicketEventKind.Created, OutboxItem.ChannelTarget },
        { TicketEventKind.Assigned, OutboxItem.PersonalTarget },
        { TicketEventKind.Reassigned, OutboxItem.PersonalTarget },
        { TicketEventKind.Assigned, OutboxItem.ChannelTarget },
        { TicketEventKind.Pending, OutboxItem.ChannelTarget },
        { TicketEventKind.PublicLogEntry, OutboxItem.ChannelTarget },
    };

    [Theory]
    [MemberData(nameof(Notifications))]
    public void Every_notification_shows_the_users_text_as_text(TicketEventKind kind, string target)
    {
        var ticket = new Ticket
        {
            Id = 7,
            Ref = "R-000007",
            Title = MarkdownAssert.Payload,
            Status = TicketStatus.Assigned,
            OrgId = 3,
            OrgName = "INSA Lyon",
            AgentName = "Hugues Le Moane",
            TeamName = "Intervenants Moodle",
            PendingReason = MarkdownAssert.Payload,
        };
        var item = new OutboxItem
        {
            IdempotencyKey = "7:1:" + target,
            Order = 1,
            ConversationId = "19:channel@thread.tacv2",
            TicketId = 7,
            Kind = kind,
            Target = target,
            LogAuthor = "Jean Dupont",
            LogText = MarkdownAssert.Payload,
        };

        var text = NotificationText.Render(item, ticket, BotCulture.French);

        if (kind is TicketEventKind.Assigned && target == OutboxItem.ChannelTarget)
        {
            MarkdownAssert.ShowsAsText(text, "R-000007 assigné à Hugues Le Moane (Intervenants Moodle)");
            return;
        }

        MarkdownAssert.ShowsAsText(text, MarkdownAssert.Payload);
    }
}
